import type { EnvironmentInput } from './schema';

const account = { id: '333333333333', region: 'eu-west-2' };

export const prod: EnvironmentInput = {
  name: 'prod',
  account,
  dns: { baseDomain: 'goldenpathidp.io' },
  network: {
    vpcCidr: '10.30.0.0/16',
    availabilityZones: ['eu-west-2a', 'eu-west-2b', 'eu-west-2c'],
    natStrategy: 'per-az',
    flowLogRetentionDays: 365,
  },
  database: {
    instanceClass: 'db.m6g.large',
    allocatedStorageGb: 100,
    maxAllocatedStorageGb: 1000,
    multiAz: true,
    deletionProtection: true,
    finalSnapshot: true,
    backupRetentionDays: 30,
    performanceInsightsRetentionDays: 731,
    apps: [{ name: 'keycloak' }, { name: 'backstage', createDb: true }, { name: 'grafana' }],
  },
  cluster: {
    nodeGroups: [
      { name: 'general', instanceTypes: ['m6i.xlarge'], capacityType: 'ON_DEMAND', minSize: 3, desiredSize: 3, maxSize: 12, diskSizeGb: 100 },
    ],
    // Private endpoints only: every job that talks to a prod cluster runs on the self-hosted runner in the VPC.
    apiAccess: {
      persistent: { via: 'self-hosted', runsOn: ['self-hosted', 'linux', 'goldenpath-prod'] },
      builds: { via: 'self-hosted', runsOn: ['self-hosted', 'linux', 'goldenpath-prod'] },
    },
    logRetentionDays: 365,
  },
  ephemeral: { enabled: false, ttlHours: 4, maxConcurrentBuilds: 1 },
  github: { repository: 'goldenpath-idp/goldenpath-infra' },
  gitops: { repoUrl: 'https://github.com/goldenpath-idp/goldenpath-gitops.git', highAvailability: true },
};
