import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ciRoleBoundary, ciRoles } from '../../../contract/ci/ci-roles';
import { CI_ROLE_KEYS, ciRoleName } from '../../../contract/ci/names';
import { ciSessionSeconds, CI_LONGEST_JOB_MINUTES } from '../../../contract/ci/sessions';
import { actionMatches, listOf, type PolicyDocument } from '../../../contract/iam/policy-document';
import { ephemeral, persistent } from '../../../contract/selection';
import { dev } from '../../../envs/dev';
import { prod } from '../../../envs/prod';
import { defineEnvironment } from '../../../envs/schema';
import { synthSelection } from '../../support/synth';

const REPO = 'acme/platform';
const env = defineEnvironment({ ...dev, github: { repository: REPO }, stateBackend: { bucket: 'acme-dev-tfstate', region: 'eu-west-2', keyPrefix: 'tf' } });
const roles = ciRoles(env, REPO);

/** Whether some Allow statement names the action (wildcards included); the simulation tests decide the rest. */
const allows = (doc: PolicyDocument, action: string) => doc.Statement.some((s) => s.Effect === 'Allow' && listOf(s.Action).some((a) => actionMatches(a, action)));

describe('ciRoles', () => {
  it('names every role goldenpath-{env}-ci-{key}, in the env account', () => {
    for (const key of CI_ROLE_KEYS) {
      expect(roles[key]!.roleName).toBe(ciRoleName('dev', key));
      expect(roles[key]!.roleArn).toBe(`arn:aws:iam::${env.account.id}:role/${ciRoleName('dev', key)}`);
    }
  });

  it('has no build role where the env does not enable builds', () => {
    expect(Object.keys(ciRoles(defineEnvironment(prod), REPO)).sort()).toEqual(['deploy', 'reaper', 'validation']);
  });

  it('gives every role the CI boundary', () => {
    for (const role of Object.values(roles)) expect(role!.boundary).toEqual(ciRoleBoundary(env));
  });

  it('writes the ARNs of the env partition (aws-us-gov)', () => {
    const gov = defineEnvironment({ ...env, account: { ...env.account, region: 'us-gov-west-1' }, network: { ...env.network, availabilityZones: ['us-gov-west-1a', 'us-gov-west-1b'] } });
    const text = JSON.stringify(ciRoles(gov, REPO));
    expect(text).not.toMatch(/arn:aws:/);
    expect(text).toMatch(/arn:aws-us-gov:iam::/);
  });

  it('rejects a repository that is not owner/name', () => {
    expect(() => ciRoles(env, 'goldenpath-infra')).toThrow(/must be a GitHub owner\/name/);
  });
});

describe('session lengths', () => {
  it.each(CI_ROLE_KEYS)('the %s role session covers its longest job, in whole hours IAM accepts', (key) => {
    const seconds = ciSessionSeconds(key);
    expect(seconds).toBeGreaterThanOrEqual(CI_LONGEST_JOB_MINUTES[key] * 60);
    expect(seconds % 3600).toBe(0);
    expect(seconds).toBeGreaterThanOrEqual(3600);
    expect(seconds).toBeLessThanOrEqual(43200);
  });

  it('covers the 150-minute deploy job', () => {
    expect(ciSessionSeconds('deploy')).toBeGreaterThanOrEqual(150 * 60);
  });
});

describe('coverage of the lifecycle CLI', () => {
  /** IAM service prefix of each AWS SDK client the CLI uses. */
  const SERVICE: Record<string, string> = {
    'client-ec2': 'ec2',
    'client-elastic-load-balancing-v2': 'elasticloadbalancing',
    'client-iam': 'iam',
    'client-route-53': 'route53',
    'client-cloudwatch-logs': 'logs',
    'client-resource-groups-tagging-api': 'tag',
    'client-eks': 'eks',
    'client-rds': 'rds',
    'client-secrets-manager': 'secretsmanager',
    'client-ssm': 'ssm',
    'client-s3': 's3',
    'client-pricing': 'pricing',
    'client-acm': 'acm',
    'client-kms': 'kms',
  };
  /** SDK commands whose IAM action has another name. */
  const IAM_ACTION_OF: Record<string, string> = { 's3:ListObjectsV2': 's3:ListBucket', 's3:HeadObject': 's3:GetObject', 's3:DeleteObjects': 's3:DeleteObject', 's3:ListObjectVersions': 's3:ListBucketVersions' };
  const OPS = resolve(__dirname, '..', '..', '..', 'ops');
  const sources = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const path = join(dir, f);
      return statSync(path).isDirectory() ? sources(path) : f.endsWith('.ts') ? [path] : [];
    });
  /** The AWS calls of the code behind `builds`, `orphans`, `teardown`, `preflight` and the ledger (not `db provision`, which CI does not run). */
  const files = ['aws', 'builds', 'orphans', 'preflight', 'teardown', 'cleanup', 'ledger'].flatMap((d) => {
    try {
      return sources(join(OPS, d));
    } catch {
      return [];
    }
  });
  const calls = files.flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return [...text.matchAll(/import\s*\{([^}]*)\}\s*from\s*'@aws-sdk\/(client-[a-z0-9-]+)'/g)].flatMap(([, names, client]) =>
      names!
        .split(',')
        .map((n) => n.trim().replace(/^type\s+/, ''))
        .filter((n) => n.endsWith('Command') && new RegExp(`new ${n}\\b`).test(text))
        .map((n) => `${SERVICE[client!] ?? client}:${n.slice(0, -'Command'.length)}`)
        .map((action) => ({ file, action: IAM_ACTION_OF[action] ?? action })),
    );
  });
  // GetCallerIdentity needs no permission.
  const needed = calls.filter((c) => !c.action.startsWith('client-sts:'));
  const missing = (doc: PolicyDocument, subset: typeof needed) => subset.filter((c) => !allows(doc, c.action)).map((c) => `${c.action} (${c.file})`);

  it('finds the calls (a sanity check of the scan)', () => {
    expect(calls.map((c) => c.action)).toEqual(expect.arrayContaining(['ec2:DeleteVolume', 'route53:ChangeResourceRecordSets', 'tag:GetResources', 'rds:DescribeDBInstances']));
  });

  it('the reaper may make every AWS call of the orphan cleanup', () => {
    expect(missing(roles.reaper!.policy, needed.filter((c) => !/\/(preflight|teardown)\//.test(c.file)))).toEqual([]);
  });

  it('the build role may make every AWS call of builds, preflight, teardown and orphan cleanup (app secrets aside: builds run below tier 2)', () => {
    expect(missing(roles.build!.policy, needed.filter((c) => !c.action.startsWith('secretsmanager:')))).toEqual([]);
  });

  it('the deploy role may make every AWS call of preflight and builds', () => {
    expect(missing(roles.deploy!.policy, needed.filter((c) => /\/(preflight|builds|aws)\//.test(c.file)))).toEqual([]);
  });
});

describe('coverage of the synthesized stacks', () => {
  /** IAM service of a Terraform AWS resource or data source type, by its name; route53 before route. */
  const TYPE_SERVICE: readonly [RegExp, string][] = [
    [/^aws_route53_/, 'route53'],
    [/^aws_acm_/, 'acm'],
    [/^aws_(vpc|subnet|route|internet_gateway|nat_gateway|eip|security_group|default_security_group|flow_log|launch_template)/, 'ec2'],
    [/^aws_eks_/, 'eks'],
    [/^aws_db_/, 'rds'],
    [/^aws_kms_/, 'kms'],
    [/^aws_cloudwatch_log_/, 'logs'],
    [/^aws_iam_/, 'iam'],
    [/^aws_s3_/, 's3'],
    [/^aws_secretsmanager_/, 'secretsmanager'],
    [/^aws_ssm_/, 'ssm'],
    [/^aws_autoscaling_/, 'autoscaling'],
  ];
  const typesOf = (sel: ReturnType<typeof persistent>, stack: (name: string) => boolean) => {
    const synth = synthSelection(sel);
    return [
      ...new Set(
        Object.values(synth.stacks)
          .filter((s) => stack(s.node.id))
          .flatMap((s) => {
            const json = synth.json(s.node.id);
            return [json.resource, json.data, json.ephemeral].flatMap((block) => Object.keys(block ?? {})).filter((t) => t.startsWith('aws_'));
          }),
      ),
    ].sort();
  };
  const serviceOf = (type: string) => TYPE_SERVICE.find(([re]) => re.test(type))?.[1];
  const grants = (doc: PolicyDocument, service: string) => doc.Statement.filter((s) => s.Effect === 'Allow').some((s) => listOf(s.Action).some((a) => a.startsWith(`${service}:`)));

  it.each(typesOf(persistent('dev'), (n) => !n.endsWith('-bootstrap')))('the deploy role has the service of %s', (type) => {
    expect(serviceOf(type)).toBeDefined();
    expect(grants(roles.deploy!.policy, serviceOf(type)!)).toBe(true);
  });

  it.each(typesOf(ephemeral('dev', '26-01-23-07'), (n) => n.startsWith('dev-b-')))('the build role has the service of %s', (type) => {
    expect(serviceOf(type)).toBeDefined();
    expect(grants(roles.build!.policy, serviceOf(type)!)).toBe(true);
  });
});

describe('README "Running in CI"', () => {
  const doc = readFileSync(resolve(__dirname, '..', '..', '..', 'README.md'), 'utf8');
  it.each(CI_ROLE_KEYS)('names every statement of the generated %s policy', (key) => {
    const documented = (sid: string) => doc.includes(`\`${sid}\``) || (/\d$/.test(sid) && doc.includes(`\`${sid.replace(/\d+$/, '')}1..`));
    expect(roles[key]!.policy.Statement.map((s) => s.Sid ?? '(a statement without Sid)').filter((sid) => !documented(sid))).toEqual([]);
  });
});
