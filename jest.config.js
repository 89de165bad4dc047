/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // esbuild strips each file's types (tsconfig sets isolatedModules); type-checking is its own step (tsc --noEmit).
  transform: { '^.+\\.ts$': '<rootDir>/test/support/esbuild-transformer.cjs' },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 120000,
  // Terraform and PostgreSQL tests are CPU-bound; two workers match the machine.
  maxWorkers: 2,
  // One temp folder and one Terraform plugin cache per run, removed at the end.
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};
