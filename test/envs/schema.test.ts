import { dev } from '../../envs/dev';
import { prod } from '../../envs/prod';
import { defineEnvironment, EnvironmentDefinitionError, type EnvironmentInput } from '../../envs/schema';
import { staging } from '../../envs/staging';

function issuesOf(input: EnvironmentInput): EnvironmentDefinitionError['issues'] {
  try {
    defineEnvironment(input);
  } catch (err) {
    if (err instanceof EnvironmentDefinitionError) return err.issues;
    throw err;
  }
  throw new Error('the definition was accepted');
}

describe('the environment definitions', () => {
  it.each([
    ['dev', dev],
    ['staging', staging],
    ['prod', prod],
  ])('%s validates', (name, input) => {
    expect(defineEnvironment(input).name).toBe(name);
  });
});

describe('defineEnvironment', () => {
  it('returns a frozen environment', () => {
    expect(Object.isFrozen(defineEnvironment(dev))).toBe(true);
  });

  it('fills createDb with false where an app omits it', () => {
    expect(defineEnvironment(dev).database.apps.find((a) => a.name === 'keycloak')?.createDb).toBe(false);
  });

  it('rejects a CIDR with host bits set at network.vpcCidr', () => {
    expect(issuesOf({ ...dev, network: { ...dev.network, vpcCidr: '10.10.0.1/16' } })).toEqual([
      { path: 'network.vpcCidr', message: 'must be an IPv4 CIDR block with no host bits set, e.g. 10.20.0.0/16' },
    ]);
  });

  it('rejects a VPC outside the supported sizes at network.vpcCidr', () => {
    expect(issuesOf({ ...dev, network: { ...dev.network, vpcCidr: '10.10.0.0/24' } })).toEqual([
      { path: 'network.vpcCidr', message: 'must be between /16 and /22' },
    ]);
  });

  it('rejects an availability zone outside the region at its index', () => {
    expect(issuesOf({ ...dev, network: { ...dev.network, availabilityZones: ['eu-west-2a', 'us-east-1a'] } })).toEqual([
      { path: 'network.availabilityZones.1', message: '"us-east-1a" is not in region eu-west-2' },
    ]);
  });

  it('accepts the role ARNs of a GovCloud environment', () => {
    const govArn = (role: string) => `arn:aws-us-gov:iam::111111111111:role/${role}`;
    const gov = {
      ...dev,
      account: { ...dev.account, region: 'us-gov-west-1' },
      network: { ...dev.network, availabilityZones: ['us-gov-west-1a', 'us-gov-west-1b'] },
      cluster: { ...dev.cluster, adminRoleArn: govArn('platform-admin') },
    };
    expect(defineEnvironment(gov).cluster.adminRoleArn).toBe(govArn('platform-admin'));
  });

  it("rejects an admin role or OIDC provider of another account, naming the field", () => {
    const other = '999999999999';
    expect(() => defineEnvironment({ ...dev, cluster: { ...dev.cluster, adminRoleArn: `arn:aws:iam::${other}:role/admin` } })).toThrow(/cluster\.adminRoleArn: is in account 999999999999/);
    expect(() =>
      defineEnvironment({ ...dev, github: { ...dev.github, oidcProviderArn: `arn:aws:iam::${other}:oidc-provider/token.actions.githubusercontent.com` } }),
    ).toThrow(/github\.oidcProviderArn: is in account 999999999999/);
  });

  it('rejects a repository that is not owner/name', () => {
    expect(() => defineEnvironment({ ...dev, github: { repository: 'goldenpath-infra' } })).toThrow(/github\.repository: must be a GitHub owner\/name/);
  });

  it('rejects a node group whose minSize exceeds maxSize at its index', () => {
    const group = { ...dev.cluster.nodeGroups[0]!, minSize: 6, desiredSize: 2, maxSize: 5 };
    expect(issuesOf({ ...dev, cluster: { ...dev.cluster, nodeGroups: [group] } })).toEqual([
      { path: 'cluster.nodeGroups.0', message: 'must satisfy minSize <= desiredSize <= maxSize' },
    ]);
  });

  it('rejects a duplicate database app at database.apps', () => {
    expect(issuesOf({ ...dev, database: { ...dev.database, apps: [{ name: 'keycloak' }, { name: 'keycloak' }] } })).toEqual([
      { path: 'database.apps', message: 'app names must be unique' },
    ]);
  });

  it.each([4, 2.5, -1])('rejects the tier ceiling %s at tierCeiling, listing the tiers', (ceiling) => {
    expect(issuesOf({ ...dev, tierCeiling: ceiling as 3 })).toEqual([{ path: 'tierCeiling', message: 'must be one of the tiers 0, 1, 1.5, 2, 3' }]);
  });

  it('reports every broken field at once', () => {
    const broken = { ...dev, tierCeiling: 4 as 3, network: { ...dev.network, vpcCidr: 'ten' } };
    expect(issuesOf(broken).map((i) => i.path)).toEqual(['network.vpcCidr', 'tierCeiling']);
  });

  it('names the environment, each path and message, and the file to fix', () => {
    expect(() => defineEnvironment({ ...dev, tierCeiling: 4 as 3 })).toThrow(
      'environment "dev" is invalid:\n  - tierCeiling: must be one of the tiers 0, 1, 1.5, 2, 3\nFix envs/dev.ts.',
    );
  });
});

describe('cluster.apiAccess', () => {
  const withAccess = (apiAccess: unknown): EnvironmentInput => ({ ...dev, cluster: { ...dev.cluster, apiAccess } as EnvironmentInput['cluster'] });
  const staticEgress = (egressCidrs: string[]) => ({ via: 'static-egress', runsOn: ['goldenpath-large'], egressCidrs });

  it('accepts up to 40 static egress CIDRs, the most EKS takes', () => {
    const forty = Array.from({ length: 40 }, (_, i) => `198.51.${i}.0/24`);
    expect(defineEnvironment(withAccess({ persistent: staticEgress(forty), builds: { via: 'public-endpoint' } })).cluster.apiAccess.persistent).toMatchObject({ egressCidrs: forty });
  });

  it('refuses 41 static egress CIDRs, naming the EKS limit', () => {
    const fortyOne = Array.from({ length: 41 }, (_, i) => `198.51.${i}.0/24`);
    expect(issuesOf(withAccess({ persistent: staticEgress(fortyOne), builds: { via: 'public-endpoint' } }))).toEqual([
      { path: 'cluster.apiAccess.persistent.egressCidrs', message: 'EKS takes at most 40 public access CIDRs' },
    ]);
  });

  it('refuses a bad egress CIDR, naming the field', () => {
    expect(issuesOf(withAccess({ persistent: { via: 'self-hosted', runsOn: ['goldenpath-dev'] }, builds: staticEgress(['198.51.100.1/24']) }))).toEqual([
      { path: 'cluster.apiAccess.builds.egressCidrs.0', message: expect.stringMatching(/IPv4 CIDR/) },
    ]);
  });

  it('refuses a static-egress choice with no CIDRs', () => {
    expect(issuesOf(withAccess({ persistent: staticEgress([]), builds: { via: 'public-endpoint' } }))[0]?.path).toBe('cluster.apiAccess.persistent.egressCidrs');
  });

  it('refuses public-endpoint for the persistent cluster', () => {
    expect(issuesOf(withAccess({ persistent: { via: 'public-endpoint' }, builds: { via: 'public-endpoint' } }))).toEqual([
      { path: 'cluster.apiAccess.persistent.via', message: expect.stringMatching(/builds only/) },
    ]);
  });

  it('runs a public-endpoint build on a GitHub-hosted runner unless the env names one', () => {
    expect(defineEnvironment(dev).cluster.apiAccess.builds).toEqual({ via: 'public-endpoint', runsOn: ['ubuntu-24.04'] });
  });

  it('refuses an unknown choice and a choice without a runner', () => {
    expect(issuesOf(withAccess({ persistent: { via: 'vpn' }, builds: { via: 'public-endpoint' } }))[0]?.path).toBe('cluster.apiAccess.persistent.via');
    expect(issuesOf(withAccess({ persistent: { via: 'self-hosted', runsOn: [] }, builds: { via: 'public-endpoint' } }))[0]?.path).toBe('cluster.apiAccess.persistent.runsOn');
  });

  it('has no default: an env without apiAccess is refused', () => {
    const { apiAccess: _omit, ...cluster } = dev.cluster;
    expect(issuesOf({ ...dev, cluster } as EnvironmentInput)[0]?.path).toBe('cluster.apiAccess');
  });
});
