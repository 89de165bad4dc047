import { EXAMPLE_ZONE_IDS, exampleValueProblems } from '../../contract/example-values';
import { dev } from '../../envs/dev';
import { staging } from '../../envs/staging';
import { defineEnvironment } from '../../envs/schema';

const own = defineEnvironment({
  ...dev,
  account: { id: '123456789012', region: 'eu-west-2' },
  dns: { ...dev.dns, zoneId: 'Z04812345ABCDEFGHIJKL' },
  network: { ...dev.network, vpcCidr: '10.40.0.0/16' },
  cluster: { ...dev.cluster, apiAccess: { ...dev.cluster.apiAccess, persistent: { via: 'static-egress', runsOn: ['acme-large'], egressCidrs: ['81.2.69.0/24'] } } },
  gitops: { repoUrl: 'https://github.com/acme/gitops.git' },
  github: { repository: 'acme/platform' },
});

describe('exampleValueProblems', () => {
  it('names every example value of a shipped env with its field and file', () => {
    const problems = exampleValueProblems(defineEnvironment(dev));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^account\.id in envs\/dev\.ts is the example account 111111111111/),
        expect.stringMatching(/^gitops\.repoUrl in envs\/dev\.ts/),
        expect.stringMatching(/^github\.repository in envs\/dev\.ts/),
      ]),
    );
  });

  it('refuses a VPC or endpoint CIDR that only overlaps a documentation range', () => {
    const env = defineEnvironment({ ...own, network: { ...own.network, vpcCidr: '198.51.0.0/16' }, cluster: { ...own.cluster, apiAccess: { ...own.cluster.apiAccess, builds: { via: 'static-egress', runsOn: ['acme-large'], egressCidrs: ['192.0.2.128/25'] } } } });
    const problems = exampleValueProblems(env).filter((p) => !p.startsWith('VERSIONS'));
    expect(problems).toEqual([expect.stringMatching(/^network\.vpcCidr .*198\.51\.100\.0\/24/), expect.stringMatching(/^cluster\.apiAccess\.builds\.egressCidrs\[0\] .*192\.0\.2\.0\/24/)]);
  });

  it('accepts an env of its own (the image organization of contract/versions.ts aside)', () => {
    expect(exampleValueProblems(own).filter((p) => !p.startsWith('VERSIONS'))).toEqual([]);
  });

  it('names the example image organization in contract/versions.ts', () => {
    expect(exampleValueProblems(own)).toEqual([expect.stringMatching(/^VERSIONS\.goldenpathCliImage\.repository in contract\/versions\.ts \(ghcr\.io\/goldenpath-idp\//)]);
  });

  it('treats the example organization in any case', () => {
    expect(exampleValueProblems(defineEnvironment({ ...own, github: { repository: 'GoldenPath-IDP/infra' } })).some((p) => p.startsWith('github.repository'))).toBe(true);
  });

  it.each([
    ['dev', dev],
    ['staging', staging],
  ] as const)('names the example zone id of %s with its field and file', (name, shipped) => {
    expect(exampleValueProblems(defineEnvironment(shipped))).toContainEqual(
      `dns.zoneId in envs/${name}.ts is the example zone id ${EXAMPLE_ZONE_IDS[name]}; set the zone_id output of ${name}-dns (README, Day 0 step 7), or remove it until then`,
    );
  });

  it('refuses an example zone id whatever else the env sets right', () => {
    expect(exampleValueProblems(defineEnvironment({ ...own, dns: { ...own.dns, zoneId: EXAMPLE_ZONE_IDS.staging } })).filter((p) => !p.startsWith('VERSIONS'))).toEqual([
      expect.stringMatching(/^dns\.zoneId in envs\/dev\.ts is the example zone id Z0STAGINGZONE01/),
    ]);
  });

  it('accepts an env that has not pinned its zone yet', () => {
    expect(exampleValueProblems(defineEnvironment({ ...own, dns: { baseDomain: own.dns.baseDomain } })).filter((p) => !p.startsWith('VERSIONS'))).toEqual([]);
  });
});
