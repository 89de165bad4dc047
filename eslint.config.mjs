import tseslint from 'typescript-eslint';

const PROVIDER_BARRELS = ['@cdktf/provider-aws', '@cdktf/provider-kubernetes', '@cdktf/provider-helm'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'cdktf.out/**', '.gen/**', 'coverage/**', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      // The provider barrels cost seconds and hundreds of MB per process: import each resource from its own module.
      'no-restricted-imports': [
        'error',
        {
          paths: PROVIDER_BARRELS.map((name) => ({
            name,
            message: `Import from the resource's own module (e.g. ${name}/lib/<resource>), never the package barrel.`,
          })),
          patterns: [
            {
              regex: '^@cdktf/provider-(aws|kubernetes|helm)/lib(/index(\\.js)?)?$',
              message: 'The lib index is the barrel too: import the resource module.',
            },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
