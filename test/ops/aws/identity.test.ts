import { loadEnvironment } from '../../../envs';
import { identityProblems } from '../../../ops/aws/identity';

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
    expect(identityProblems({ account: dev.account.id, configuredRegion: 'us-east-1' }, dev)[0]).toMatch(/AWS_REGION is us-east-1/);
  });
});
