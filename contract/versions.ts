/**
 * The version manifest: every version the platform deploys, pinned in one
 * place. Nothing floats; bump here and everything follows.
 */
export const VERSIONS = {
  terraform: '>= 1.10',
  providers: {
    aws: '5.100.0',
    kubernetes: '2.38.0',
    helm: '3.1.1',
  },
  kubernetes: '1.33',
  postgresEngine: '16.9',
  postgresParameterFamily: 'postgres16',
} as const;
