import { loadEnvironment } from '../../../envs';
import { configuredRegion, identityProblems } from '../../../ops/aws/identity';

const dev = loadEnvironment('dev');

describe('identityProblems', () => {
  it('accepts the env account with no region override', () => {
    expect(identityProblems({ account: dev.account.id }, dev)).toEqual([]);
  });

  it('names the account mismatch and the fix', () => {
    expect(identityProblems({ account: '999999999999' }, dev)).toEqual([
      `credentials are for account 999999999999, but env "dev" lives in ${dev.account.id}: use that account's credentials (AWS_PROFILE)`,
    ]);
  });

  it('names a shell region that is not the env region', () => {
    expect(identityProblems({ account: dev.account.id, configuredRegion: { variable: 'AWS_REGION', region: 'us-east-1' } }, dev)[0]).toMatch(/^AWS_REGION is us-east-1/);
  });

  it('names AWS_DEFAULT_REGION as the variable to fix when the wrong region came from it', () => {
    const configured = configuredRegion({ AWS_DEFAULT_REGION: 'us-east-1' });
    expect(identityProblems({ account: dev.account.id, configuredRegion: configured }, dev)).toEqual([
      `AWS_DEFAULT_REGION is us-east-1, but env "dev" lives in ${dev.account.region}: unset it or set it to ${dev.account.region}`,
    ]);
  });
});

describe('configuredRegion', () => {
  it('takes AWS_REGION over AWS_DEFAULT_REGION, as the SDK does', () => {
    expect(configuredRegion({ AWS_REGION: 'eu-west-2', AWS_DEFAULT_REGION: 'us-east-1' })).toEqual({ variable: 'AWS_REGION', region: 'eu-west-2' });
  });

  it('is undefined when the shell sets no region', () => {
    expect(configuredRegion({})).toBeUndefined();
  });
});
