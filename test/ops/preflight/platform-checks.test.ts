import type { DnsFoundation } from '../../../contract/foundation';
import { ephemeral, persistent } from '../../../contract/selection';
import { evaluatePlatformPreflight, externalDnsCheck, type PlatformFacts, type PlatformPreflightInput } from '../../../ops/preflight/platform-checks';
import { planFor } from '../../support/plan';

const dns: DnsFoundation = {
  schemaVersion: 1,
  zoneId: 'Z1',
  zoneName: 'dev.goldenpathidp.io',
  persistentPolicyArn: 'arn:aws:iam::111111111111:policy/goldenpath-dev-external-dns-persistent',
  buildPolicyArn: 'arn:aws:iam::111111111111:policy/goldenpath-dev-external-dns-build',
  buildBoundaryArn: 'arn:aws:iam::111111111111:policy/goldenpath-dev-build-boundary',
};
const WORKLOAD = 'arn:aws:iam::111111111111:policy/goldenpath-dev-workload-boundary';
const build: PlatformPreflightInput = {
  env: 'dev',
  buildId: '26-01-23-01',
  ownerId: 'goldenpath-dev-26-01-23-01',
  externalDnsRoleName: 'goldenpath-dev-b-26-01-23-01-external-dns',
  workloadBoundaryArn: WORKLOAD,
  clusterStack: planFor(ephemeral('dev', '26-01-23-01')).stacks.cluster,
  appSecrets: [],
};
const persistentTier2: PlatformPreflightInput = {
  env: 'dev',
  ownerId: 'goldenpath-dev',
  externalDnsRoleName: 'goldenpath-dev-external-dns',
  workloadBoundaryArn: WORKLOAD,
  clusterStack: planFor(persistent('dev')).stacks.cluster,
  appSecrets: [
    { app: 'backstage', secretName: 'goldenpath/dev/backstage/postgres' },
    { app: 'grafana', secretName: 'goldenpath/dev/grafana/postgres' },
  ],
};
const buildRole = { attachedPolicyArns: [dns.buildPolicyArn], boundaryArn: dns.buildBoundaryArn, buildIdTag: '26-01-23-01' };
const persistentRole = { attachedPolicyArns: [dns.persistentPolicyArn], boundaryArn: WORKLOAD, buildIdTag: null };
const healthyTier2: PlatformFacts = {
  dns,
  externalDnsRole: persistentRole,
  appSecrets: { 'goldenpath/dev/backstage/postgres': true, 'goldenpath/dev/grafana/postgres': true },
  databaseReach: { ok: true, detail: 'a pod connected' },
};
const failed = (input: PlatformPreflightInput, facts: PlatformFacts) => evaluatePlatformPreflight(input, facts).filter((r) => !r.ok).map((r) => r.check);

describe('externalDnsCheck', () => {
  it("passes a build role with exactly the build policy, the build boundary and its build-id tag", () => {
    expect(externalDnsCheck(build, { dns, externalDnsRole: buildRole }).ok).toBe(true);
  });

  it.each([
    ['without the boundary', { ...buildRole, boundaryArn: null }, /permissions boundary is none, expected .*goldenpath-dev-build-boundary/],
    ['with another policy attached', { ...buildRole, attachedPolicyArns: [dns.buildPolicyArn, 'arn:aws:iam::aws:policy/AdministratorAccess'] }, /expected exactly .*external-dns-build/],
    ['with the persistent policy', { ...buildRole, attachedPolicyArns: [dns.persistentPolicyArn] }, /attached policies are \[.*persistent\]/],
    ["with another build's tag", { ...buildRole, buildIdTag: '26-01-23-02' }, /build-id tag is 26-01-23-02, expected 26-01-23-01/],
    ['without its tag', { ...buildRole, buildIdTag: null }, /build-id tag is missing/],
  ])('fails a build role %s, naming the difference and the stack to re-deploy', (_what, role, detail) => {
    const result = externalDnsCheck(build, { dns, externalDnsRole: role });
    expect([result.ok, result.detail, result.fix]).toEqual([false, expect.stringMatching(detail), expect.stringMatching(/re-deploy dev-b-26-01-23-01-cluster/)]);
  });

  it('passes a persistent role with exactly the persistent policy and the workload boundary', () => {
    expect(externalDnsCheck(persistentTier2, { dns, externalDnsRole: persistentRole }).ok).toBe(true);
  });

  it('fails a persistent role that carries the build policy', () => {
    expect(externalDnsCheck(persistentTier2, { dns, externalDnsRole: { ...persistentRole, attachedPolicyArns: [dns.buildPolicyArn] } }).ok).toBe(false);
  });

  it('fails a missing role, naming the cluster stack to deploy', () => {
    expect(externalDnsCheck(build, { dns, externalDnsRole: null })).toMatchObject({ ok: false, detail: 'the role does not exist', fix: expect.stringMatching(/GOLDENPATH_ENV=dev GOLDENPATH_LIFECYCLE=ephemeral GOLDENPATH_BUILD_ID=26-01-23-01 npx cdktf deploy dev-b-26-01-23-01-cluster/) });
  });

  it('fails without the dns document, naming the dns stack', () => {
    expect(externalDnsCheck(build, { dns: null, externalDnsRole: buildRole })).toMatchObject({ ok: false, fix: expect.stringMatching(/dev-dns/) });
  });
});

describe('evaluatePlatformPreflight', () => {
  it('checks only ExternalDNS below tier 2 (a build)', () => {
    expect(evaluatePlatformPreflight(build, { dns, externalDnsRole: buildRole }).map((r) => [r.check, r.ok])).toEqual([[`ExternalDNS role ${build.externalDnsRoleName} scoped to owner ${build.ownerId}`, true]]);
  });

  it('passes a tier-2 cluster whose app secrets exist and whose database answers from inside the cluster', () => {
    expect(failed(persistentTier2, healthyTier2)).toEqual([]);
  });

  it("fails each selected app whose database secret is missing, naming the app and the database stack", () => {
    const results = evaluatePlatformPreflight(persistentTier2, { ...healthyTier2, appSecrets: { 'goldenpath/dev/backstage/postgres': true } });
    const grafana = results.find((r) => r.check.includes('grafana'));
    expect(grafana).toMatchObject({ ok: false, detail: 'does not exist in Secrets Manager', fix: expect.stringMatching(/envs\/dev\.ts.*GOLDENPATH_ENV=dev npx cdktf deploy dev-database/) });
  });

  it('fails a database the cluster cannot reach, with what the probe saw', () => {
    const results = evaluatePlatformPreflight(persistentTier2, { ...healthyTier2, databaseReach: { ok: false, detail: 'a pod could not connect to db:5432: ETIMEDOUT' } });
    expect(results.find((r) => !r.ok)).toMatchObject({ check: 'database reachable from inside the cluster', detail: expect.stringMatching(/ETIMEDOUT/) });
  });

  it('fails a tier-2 cluster whose reachability was never checked', () => {
    expect(failed(persistentTier2, { ...healthyTier2, databaseReach: undefined })).toEqual(['database reachable from inside the cluster']);
  });

  it("requires the Keycloak admin Secret before tier 3's OIDC config, naming the GitOps repository", () => {
    const tier3 = { ...persistentTier2, keycloakAdminSecret: 'keycloak/keycloak-admin' };
    expect([failed(tier3, { ...healthyTier2, keycloakAdminSecret: true }), failed(tier3, { ...healthyTier2, keycloakAdminSecret: false })]).toEqual([[], ['Keycloak admin Secret keycloak/keycloak-admin']]);
  });
});
