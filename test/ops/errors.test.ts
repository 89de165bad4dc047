import { STSClient } from '@aws-sdk/client-sts';
import { fromEnv } from '@aws-sdk/credential-provider-env';
import { loadEnvironment } from '../../envs';
import { runCli } from '../../ops/cli';
import { EXIT } from '../../ops/exit-codes';
import { FakeAws } from './support/fake-aws';
import { zoneOf } from './support/inventory';
import { testRuntime } from './support/runtime';
import { stsErrorServer } from './support/sts-server';

const dev = loadEnvironment('dev');
let fake: FakeAws | undefined;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  fake?.restore();
  fake = undefined;
  for (const close of closers.splice(0)) await close();
});

/** A runtime whose STS client is a real SDK client (so real SDK errors), the rest the fake account. */
function withSts(sts: STSClient, vars: Record<string, string> = {}): ReturnType<typeof testRuntime> {
  fake = new FakeAws({ account: dev.account.id, region: dev.account.region, zone: zoneOf(dev) });
  const f = fake;
  const rt = testRuntime(f);
  return { ...rt, vars: { ...rt.vars, ...vars }, aws: () => ({ ...f.clients(), sts }) };
}

const noCredentials = (): STSClient => new STSClient({ region: 'eu-west-2', credentials: fromEnv(), maxAttempts: 1 });

describe('goldenpath errors an operator can act on', () => {
  it('names missing credentials and the fix in one line, without a stack trace (exit 5)', async () => {
    const rt = withSts(noCredentials());
    expect(await runCli(['builds', '--env', 'dev'], rt)).toBe(EXIT.credentials);
    const err = rt.err.join('');
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/^goldenpath: no AWS credentials found \(.*\) — set AWS_PROFILE .*aws sso login.* \(env dev: account \d{12}, eu-west-2; deploy role arn:aws:iam::/m);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it.each([
    ['ExpiredToken', 400, 'The security token included in the request is expired', EXIT.credentials, /the AWS credentials have expired \(ExpiredToken: .*\) — run aws sso login/],
    ['InvalidClientTokenId', 403, 'The security token included in the request is invalid.', EXIT.credentials, /AWS does not accept these credentials \(InvalidClientTokenId: .*\) — the key is unknown, revoked or mistyped/],
    ['AccessDenied', 403, 'User is not authorized to perform: sts:GetCallerIdentity', EXIT.accessDenied, /AWS denied the call \(AccessDenied: .*\) — the identity lacks this permission: run with the env's CI role/],
    ['Throttling', 400, 'Rate exceeded', EXIT.throttled, /AWS kept throttling the calls after every retry \(Throttling: Rate exceeded\) — wait a few minutes/],
  ])('names %s from AWS and its fix (its own exit code)', async (code, status, message, exit, line) => {
    const server = await stsErrorServer(status, code, message);
    closers.push(server.close);
    const rt = withSts(server.client);
    expect(await runCli(['orphans', '--env', 'dev', '--build-id', '12'], rt)).toBe(exit);
    expect(rt.err.join('')).toMatch(line);
    expect(rt.err.join('')).not.toMatch(/\n\s+at /);
  });

  it('names an unreachable AWS endpoint (exit 7)', async () => {
    const sts = new STSClient({ region: 'eu-west-2', endpoint: 'http://127.0.0.1:9', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, maxAttempts: 1 });
    const rt = withSts(sts);
    expect(await runCli(['builds', '--env', 'dev'], rt)).toBe(EXIT.network);
    expect(rt.err.join('')).toMatch(/goldenpath: cannot reach AWS \(ECONNREFUSED: .*\) — check the network, DNS, HTTPS_PROXY/);
  });

  it('refuses credentials of another account in one line naming both accounts and the role (exit 6)', async () => {
    fake = new FakeAws({ account: '999999999999', region: dev.account.region, zone: zoneOf(dev) });
    const rt = testRuntime(fake);
    expect(await runCli(['builds', '--env', 'dev'], rt)).toBe(EXIT.wrongAccount);
    expect(rt.err.join('')).toMatch(/goldenpath: refusing to act on env "dev": credentials are for account 999999999999, but env "dev" lives in \d{12}.* — the env's deploy role is arn:aws:iam::/);
  });

  it('prints the stack trace with --debug, anywhere on the line', async () => {
    const rt = withSts(noCredentials());
    expect(await runCli(['builds', '--debug', '--env', 'dev'], rt)).toBe(EXIT.credentials);
    expect(rt.err.join('')).toMatch(/CredentialsProviderError[\s\S]*\n\s+at /);
  });

  it('gives one JSON object on stdout with code, message and hint for an error under --json', async () => {
    const rt = withSts(noCredentials());
    expect(await runCli(['builds', '--env', 'dev', '--json'], rt)).toBe(EXIT.credentials);
    expect(JSON.parse(rt.out.join(''))).toEqual({ code: 5, message: expect.stringMatching(/^no AWS credentials found/), hint: expect.stringMatching(/AWS_PROFILE/) });
  });

  it('gives one JSON object for a usage error under --json', async () => {
    const rt = testRuntime(undefined);
    expect(await runCli(['teardown', '--env', 'qa', '--build-id', '12', '--json'], rt)).toBe(EXIT.usage);
    expect(JSON.parse(rt.out.join(''))).toEqual({ code: 2, message: expect.stringMatching(/unknown environment "qa"/), hint: '' });
  });

  it('gives one JSON object for an unknown option under --json', async () => {
    const rt = testRuntime(undefined);
    expect(await runCli(['builds', '--env', 'dev', '--nope', '--json'], rt)).toBe(EXIT.usage);
    expect(JSON.parse(rt.out.join(''))).toMatchObject({ code: 2, message: "unknown option '--nope'" });
  });

  it('gives the result with code, message and hint under --json when the command succeeds', async () => {
    fake = new FakeAws({ account: dev.account.id, region: dev.account.region, zone: zoneOf(dev) });
    const rt = testRuntime(fake);
    expect(await runCli(['builds', '--env', 'dev', '--json'], rt)).toBe(EXIT.ok);
    expect(JSON.parse(rt.out.join(''))).toMatchObject({ code: 0, message: 'no live builds in env dev', hint: '', env: 'dev', builds: [] });
  });

  it('reports an unexpected error in one line pointing at --debug (exit 4)', async () => {
    const rt = testRuntime(undefined);
    expect(await runCli(['builds', '--env', 'dev'], rt)).toBe(EXIT.partialFailure);
    expect(rt.err.join('')).toBe('goldenpath: unexpected error: Error: this test must not reach AWS — re-run with --debug for the stack trace, and report it with the command line\n');
  });

  it('prints help on stderr and exits 2 when no command is given', async () => {
    const rt = testRuntime(undefined);
    expect(await runCli([], rt)).toBe(EXIT.usage);
    expect(rt.out).toEqual([]);
    expect(rt.err.join('')).toMatch(/^Usage: goldenpath[\s\S]*Commands:[\s\S]*goldenpath: no command given — run one of: builds, db, ledger/);
  });
});
