import { EXAMPLE_ZONE_IDS } from '../contract/example-values';
import type { EnvironmentInput } from './schema';

const account = { id: '111111111111', region: 'eu-west-2' };

export const dev: EnvironmentInput = {
  name: 'dev',
  account,
  // zoneId: the zone_id output of dev-dns after its first deploy (README, Day 0); then redeploy dev-bootstrap.
  dns: { baseDomain: 'goldenpathidp.io', zoneId: EXAMPLE_ZONE_IDS.dev },
  network: {
    vpcCidr: '10.10.0.0/16',
    availabilityZones: ['eu-west-2a', 'eu-west-2b'],
    natStrategy: 'single',
    flowLogRetentionDays: 14,
  },
  database: {
    instanceClass: 'db.t4g.medium',
    allocatedStorageGb: 20,
    maxAllocatedStorageGb: 100,
    multiAz: false,
    deletionProtection: false,
    finalSnapshot: false,
    backupRetentionDays: 7,
    performanceInsightsRetentionDays: 7,
    apps: [{ name: 'keycloak' }, { name: 'backstage', createDb: true }, { name: 'grafana' }],
  },
  cluster: {
    nodeGroups: [
      { name: 'general', instanceTypes: ['t3.large'], capacityType: 'ON_DEMAND', minSize: 2, desiredSize: 2, maxSize: 5, diskSizeGb: 50 },
    ],
    // The persistent cluster's API is private, reached from a self-hosted runner in the VPC;
    // a build's endpoint is public (IAM authentication still applies) so GitHub-hosted runners reach it.
    apiAccess: {
      persistent: { via: 'self-hosted', runsOn: ['self-hosted', 'linux', 'goldenpath-dev'] },
      builds: { via: 'public-endpoint' },
    },
    logRetentionDays: 14,
  },
  // Tier 3 (Keycloak, OIDC) is prod-only by default.
  tierCeiling: 2,
  ephemeral: { enabled: true, ttlHours: 8, maxConcurrentBuilds: 4 },
  github: { repository: 'goldenpath-idp/goldenpath-infra' },
  gitops: { repoUrl: 'https://github.com/goldenpath-idp/goldenpath-gitops.git' },
};
