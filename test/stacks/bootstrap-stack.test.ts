import { ciRoleBoundary, ciRoles } from '../../contract/ci/ci-roles';
import { boundaryPolicyName, ciRoleName, defaultStateBucketName, platformAdminRoleName } from '../../contract/ci/names';
import { ciSessionSeconds } from '../../contract/ci/sessions';
import { TAG_KEYS } from '../../contract/tags';
import { loadEnvironment } from '../../envs';
import { defineEnvironment, type Environment } from '../../envs/schema';
import { dev } from '../../envs/dev';
import { MANAGED_POLICY_MAX_CHARS, splitPolicy } from '../../constructs/bootstrap/ci-role';
import { ACKNOWLEDGE_EXAMPLE_VALUES } from '../../stacks/bootstrap-stack';
import { policyAsAws, synthBootstrapStack } from '../support/bootstrap-synth';
import type { TerraformJson } from '../support/synth';
import { describeWithTerraform, init, plan, planTogether, started, type JointPlan, type TerraformResult } from '../support/terraform';

const ENVS = ['dev', 'staging', 'prod'] as const;
type Resource = Record<string, unknown>;
const resources = (json: TerraformJson, type: string): Resource[] => Object.values((json.resource?.[type] ?? {}) as Record<string, Resource>);
const resourceCount = (json: TerraformJson) => Object.values((json.resource ?? {}) as Record<string, object>).reduce((n, byName) => n + Object.keys(byName).length, 0);

const synthesized = new Map(ENVS.map((e) => [e, synthBootstrapStack(loadEnvironment(e))] as const));
const jsonOf = (e: (typeof ENVS)[number]) => synthesized.get(e)!.json;

describe.each(ENVS)('%s-bootstrap (synthesized)', (name) => {
  const env = loadEnvironment(name);
  const json = jsonOf(name);
  const roles = ciRoles(env, env.github.repository);

  it('creates the state bucket versioned, encrypted, private, TLS-only, with old versions expiring', () => {
    expect(resources(json, 'aws_s3_bucket').map((b) => [b.bucket, (b.lifecycle as Resource).prevent_destroy])).toEqual([[defaultStateBucketName(name, env.account.id), true]]);
    expect(resources(json, 'aws_s3_bucket_versioning').map((v) => (v.versioning_configuration as Resource).status)).toEqual(['Enabled']);
    expect(resources(json, 'aws_s3_bucket_server_side_encryption_configuration')).toHaveLength(1);
    expect(resources(json, 'aws_s3_bucket_public_access_block')).toEqual([expect.objectContaining({ block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true })]);
    expect(resources(json, 'aws_s3_bucket_ownership_controls').map((o) => (o.rule as Resource).object_ownership)).toEqual(['BucketOwnerEnforced']);
    const rules = resources(json, 'aws_s3_bucket_lifecycle_configuration').flatMap((l) => l.rule as Resource[]);
    expect(rules.flatMap((r) => r.noncurrent_version_expiration as Resource[])).toEqual([{ noncurrent_days: 90 }]);
    const policy = policyAsAws(resources(json, 'aws_s3_bucket_policy')[0]!.policy as string) as { Statement: Resource[] };
    expect(policy.Statement.find((s) => s.Sid === 'TlsOnly')).toEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
  });

  it("creates GitHub's OIDC provider for the sts audience", () => {
    expect(resources(json, 'aws_iam_openid_connect_provider')).toEqual([expect.objectContaining({ url: 'https://token.actions.githubusercontent.com', client_id_list: ['sts.amazonaws.com'] })]);
  });

  it('creates every CI role of the env with its trust, session length and the CI boundary', () => {
    const created = resources(json, 'aws_iam_role').filter((r) => (r.name as string).includes('-ci-'));
    expect(created.map((r) => r.name).sort()).toEqual(Object.values(roles).map((r) => r.roleName).sort());
    for (const role of Object.values(roles)) {
      const r = created.find((c) => c.name === role.roleName)!;
      expect(policyAsAws(r.assume_role_policy as string)).toEqual(role.trust);
      expect(r.max_session_duration).toBe(role.maxSessionSeconds);
      expect(r.permissions_boundary).toMatch(/^\$\{aws_iam_policy\.ci-boundary/);
    }
  });

  it("attaches each role's generated policy, whole, split only to fit IAM's size limit", () => {
    const policies = resources(json, 'aws_iam_policy');
    for (const role of Object.values(roles)) {
      const parts = policies.filter((p) => (p.name as string).startsWith(`${role.roleName}-`)).sort((a, b) => String(a.name).localeCompare(String(b.name), 'en', { numeric: true }));
      const statements = parts.flatMap((p) => (policyAsAws(p.policy as string) as { Statement: unknown[] }).Statement);
      expect(statements).toEqual(role.policy.Statement);
      parts.forEach((p) => expect(JSON.stringify(policyAsAws(p.policy as string)).length).toBeLessThanOrEqual(MANAGED_POLICY_MAX_CHARS));
    }
  });

  it('owns the three boundaries: builds, persistent workloads, CI roles', () => {
    const names = resources(json, 'aws_iam_policy').map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining([boundaryPolicyName(name, 'build-boundary'), boundaryPolicyName(name, 'workload-boundary'), boundaryPolicyName(name, 'ci-boundary')]));
    const ci = resources(json, 'aws_iam_policy').find((p) => p.name === boundaryPolicyName(name, 'ci-boundary'))!;
    expect(policyAsAws(ci.policy as string)).toEqual(ciRoleBoundary(env));
  });

  it('fits each boundary in one managed policy (a permissions boundary cannot be split)', () => {
    const boundaries = resources(json, 'aws_iam_policy').filter((p) => (['build-boundary', 'workload-boundary', 'ci-boundary'] as const).some((key) => p.name === boundaryPolicyName(name, key)));
    expect(boundaries).toHaveLength(3);
    boundaries.forEach((p) => expect(JSON.stringify(policyAsAws(p.policy as string)).length).toBeLessThanOrEqual(MANAGED_POLICY_MAX_CHARS));
  });

  it('creates the platform admin role the access entries name, when the env names none', () => {
    expect(resources(json, 'aws_iam_role').map((r) => r.name)).toContain(platformAdminRoleName(name));
  });

  it('tags everything as the persistent account plane', () => {
    const tags = (json.provider.aws[0].default_tags[0] as { tags: Record<string, string> }).tags;
    expect(tags).toMatchObject({ [TAG_KEYS.plane]: 'account', [TAG_KEYS.lifecycle]: 'persistent', [TAG_KEYS.env]: name });
  });

  it('lists the example values the env still carries, naming field and file', () => {
    expect(json.output.example_values.value).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^account\\.id in envs/${name}\\.ts is the example account`))]));
  });
});

describe('the bootstrap of envs that differ from the examples', () => {
  it('has no build role where the env does not enable builds', () => {
    const prod = jsonOf('prod');
    expect(resources(prod, 'aws_iam_role').map((r) => r.name)).not.toContain(ciRoleName('prod', 'build'));
    expect(resources(jsonOf('dev'), 'aws_iam_role').map((r) => r.name)).toContain(ciRoleName('dev', 'build'));
  });

  const adopted: Environment = defineEnvironment({
    ...dev,
    github: { ...dev.github, oidcProviderArn: `arn:aws:iam::${dev.account.id}:oidc-provider/token.actions.githubusercontent.com` },
    cluster: { ...dev.cluster, adminRoleArn: `arn:aws:iam::${dev.account.id}:role/team-admins` },
  });
  const json = synthBootstrapStack(adopted).json;

  it('adopts the OIDC provider the env names instead of creating one', () => {
    expect(resources(json, 'aws_iam_openid_connect_provider')).toEqual([]);
  });

  it("checks that the env's own admin role exists instead of creating one", () => {
    expect(resources(json, 'aws_iam_role').map((r) => r.name)).not.toContain(platformAdminRoleName('dev'));
    const role = Object.values((json.data.aws_iam_role ?? {}) as Record<string, Resource>);
    expect(role).toEqual([expect.objectContaining({ name: 'team-admins' })]);
    expect(JSON.stringify(role[0]!.lifecycle)).toContain('cluster.adminRoleArn in envs/dev.ts');
  });
});

describe('splitPolicy', () => {
  it('keeps the statements in order and each part within the limit', () => {
    const doc = ciRoles(loadEnvironment('dev'), 'acme/infra').build!.policy;
    const parts = splitPolicy(doc, 2000);
    expect(parts.flatMap((p) => p.Statement)).toEqual(doc.Statement);
    parts.forEach((p) => expect(JSON.stringify(p).length).toBeLessThanOrEqual(2000));
  });

  it('refuses a statement that cannot fit any part', () => {
    expect(() => splitPolicy({ Version: '2012-10-17', Statement: [{ Sid: 'Big', Effect: 'Allow', Action: 'x'.repeat(300), Resource: '*' }] }, 100)).toThrow(/Big alone exceeds 100/);
  });
});

describeWithTerraform('bootstrap stacks with Terraform (offline, AWS provider 5.100.0)', () => {
  let refused: Promise<TerraformResult>;
  let acknowledged: Promise<JointPlan>;
  beforeAll(() => {
    const dir = (name: (typeof ENVS)[number]) => synthesized.get(name)!.dir;
    // One refusal proves the mechanism; the three envs, acknowledged, plan together.
    refused = started(() => init(dir('dev')).then(() => plan(dir('dev'))));
    acknowledged = started(() => planTogether(Object.fromEntries(ENVS.map((name) => [name, { dir: dir(name), variables: { [ACKNOWLEDGE_EXAMPLE_VALUES]: true } }]))));
  });

  it('refuses to plan dev-bootstrap while the env carries example values, naming the field and the file', async () => {
    const result = await refused;
    expect(result.code).not.toBe(0);
    expect(result.stderr.replace(/\s+/g, ' ')).toMatch(/account\.id in envs\/dev\.ts is the example account 111111111111/);
  });

  it.each(ENVS)('%s-bootstrap plans to add exactly the synthesized resources once the example values are acknowledged', async (name) => {
    const { errors, changes } = await acknowledged;
    expect(errors).toEqual([]);
    expect(changes[name]).toEqual({ add: resourceCount(jsonOf(name)), change: 0, destroy: 0 });
  });
});

it('gives each CI role a session that covers its longest job', () => {
  const env = loadEnvironment('dev');
  for (const [key, role] of Object.entries(ciRoles(env, env.github.repository))) expect(role.maxSessionSeconds).toBe(ciSessionSeconds(key as never));
});
