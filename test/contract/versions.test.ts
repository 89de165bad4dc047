import { CHARTS, VERSIONS } from '../../contract/versions';

/** The provider versions of the manifest are the ones the pinned cdktf provider packages were generated for. */
describe('the version manifest', () => {
  it.each([
    ['aws', '@cdktf/provider-aws/package.json'],
    ['kubernetes', '@cdktf/provider-kubernetes/package.json'],
    ['helm', '@cdktf/provider-helm/package.json'],
  ] as const)('pins the %s provider the installed cdktf bindings were generated for', (provider, manifest) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pkg = require(manifest) as { cdktf: { provider: { version: string } } };
    expect(pkg.cdktf.provider.version).toBe(VERSIONS.providers[provider]);
  });

  it('requires at least the Terraform that CI installs', () => {
    const [major, minor] = VERSIONS.terraform.replace('>= ', '').split('.').map(Number);
    const [ciMajor, ciMinor] = VERSIONS.terraformCi.split('.').map(Number);
    expect(ciMajor! > major! || (ciMajor === major && ciMinor! >= minor!)).toBe(true);
  });

  it('pins every chart at a release version, never a snapshot or pre-release build that can be overwritten', () => {
    const unreleased = Object.entries(CHARTS).filter(([, c]) => !/^v?\d+\.\d+\.\d+$/.test(c.version));
    expect(unreleased).toEqual([]);
  });
});
