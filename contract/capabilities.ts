import { z } from 'zod';
import { foundationDeployCommand } from './deploy-command';
import { foundationStackName } from './naming';

/** What an app may need from the platform beyond its tier. */
export const CAPABILITIES = ['irsa', 'storage-class', 'rds', 'object-storage'] as const;
export type Capability = (typeof CAPABILITIES)[number];

/**
 * The platform flags of the contract. Each is true only when a stack provides
 * the capability or has verified it exists.
 */
export const PlatformFlagsSchema = z.object({
  irsaConfigured: z.boolean(),
  storageClassReady: z.boolean(),
  rdsAvailable: z.boolean(),
  objectStorageAvailable: z.boolean(),
});
export type PlatformFlags = z.infer<typeof PlatformFlagsSchema>;

export const CAPABILITY_FLAG: Readonly<Record<Capability, keyof PlatformFlags>> = {
  irsa: 'irsaConfigured',
  'storage-class': 'storageClassReady',
  rds: 'rdsAvailable',
  'object-storage': 'objectStorageAvailable',
};

/** What a missing capability means for an operator of `env`. */
export function capabilityFix(capability: Capability, env: string): string {
  switch (capability) {
    case 'irsa':
      return 'the cluster stack must create the OIDC provider and IRSA roles';
    case 'storage-class':
      return 'the cluster stack must provide the gp3 default StorageClass (EBS CSI driver)';
    case 'rds':
      return `deploy the \`${foundationStackName(env, 'database')}\` stack first so its foundation document exists (${foundationDeployCommand(env, 'database')})`;
    case 'object-storage':
      return 'the cluster stack must provide the object storage bucket and its IRSA role';
  }
}

export function capabilitiesOf(flags: PlatformFlags): Capability[] {
  return CAPABILITIES.filter((c) => flags[CAPABILITY_FLAG[c]]);
}
