import { exampleValueProblems } from '../../contract/example-values';
import { dev } from '../../envs/dev';
import { defineEnvironment } from '../../envs/schema';

const own = defineEnvironment({
  ...dev,
  account: { id: '123456789012', region: 'eu-west-2' },
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
});
