import { EXAMPLE_ZONE_IDS } from '../contract/example-values';
import type { EnvironmentInput } from './schema';

const account = { id: '222222222222', region: 'eu-west-2' };

export const staging: EnvironmentInput = {
  name: 'staging',
  account,
  // zoneId: the zone_id output of staging-dns after its first deploy (README, Day 0); then redeploy staging-bootstrap.
  dns: { baseDomain: 'goldenpathidp.io', zoneId: EXAMPLE_ZONE_IDS.staging },
  network: {
    vpcCidr: '10.20.0.0/16',
    availabilityZones: ['eu-west-2a', 'eu-west-2b', 'eu-west-2c'],
    natStrategy: 'single',
    flowLogRetentionDays: 30,
  },
  database: {
    instanceClass: 'db.t4g.large',
    allocatedStorageGb: 50,
    maxAllocatedStorageGb: 200,
    multiAz: false,
    deletionProtection: true,
    finalSnapshot: true,
    backupRetentionDays: 7,
    performanceInsightsRetentionDays: 7,
    apps: [{ name: 'keycloak' }, { name: 'backstage', createDb: true }, { name: 'grafana' }],
  },
  cluster: {
    nodeGroups: [
      { name: 'general', instanceTypes: ['m6i.large'], capacityType: 'ON_DEMAND', minSize: 2, desiredSize: 3, maxSize: 6, diskSizeGb: 80 },
    ],
    // The persistent cluster's API is private, reached from a self-hosted runner in the VPC;
    // a build's endpoint is public (IAM authentication still applies) so GitHub-hosted runners reach it.
    apiAccess: {
      persistent: { via: 'self-hosted', runsOn: ['self-hosted', 'linux', 'goldenpath-staging'] },
      builds: { via: 'public-endpoint' },
    },
    logRetentionDays: 30,
  },
  // Tier 3 (Keycloak, OIDC) is prod-only by default.
  tierCeiling: 2,
  ephemeral: { enabled: true, ttlHours: 8, maxConcurrentBuilds: 2 },
  github: { repository: 'goldenpath-idp/goldenpath-infra' },
  gitops: { repoUrl: 'https://github.com/goldenpath-idp/goldenpath-gitops.git' },
};
