import fc from 'fast-check';
import { buildIdProblems, isValidBuildId, maxBuildIdLength } from '../../contract/build-id';
import {
  appHostname,
  buildScopedNames,
  CLUSTER_ROLE_KEYS,
  clusterName,
  DISPOSABLE_KINDS,
  disposableStackName,
  dnsOwnerId,
  FOUNDATION_KINDS,
  foundationStackName,
  hostSuffix,
  IRSA_ROLE_KEYS,
  irsaRoleName,
  objectStorageBucketName,
  envIdentity,
} from '../../contract/naming';
import { ephemeral } from '../../contract/selection';
import { ENVIRONMENT_NAMES, loadEnvironment } from '../../envs';

const ENVS = ENVIRONMENT_NAMES.map((name) => {
  const env = loadEnvironment(name);
  return { identity: envIdentity(env), accountId: env.account.id };
});
const dev = ENVS.find((e) => e.identity.name === 'dev')!.identity;

// The rules of the services the names go to, written out independently of contract/.
const EKS_CLUSTER_NAME = /^[0-9A-Za-z][A-Za-z0-9\-_]*$/;
const IAM_ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const KUBERNETES_LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const TERRAFORM_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const S3_BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

function isDnsName(name: string): boolean {
  return name.length <= 253 && name.split('.').every((label) => DNS_LABEL.test(label));
}

function isKubernetesLabelValue(value: string): boolean {
  return value.length <= 63 && KUBERNETES_LABEL_VALUE.test(value);
}

describe('buildId validation', () => {
  it.each(['26-01-23-01', '99-12-31-99', 'a', '7', 'pr-1234', 'feature-x-2', 'abc123'])('accepts %s', (id) => {
    expect(buildIdProblems(id, dev)).toEqual([]);
  });

  it.each([
    ['uppercase letters', '26-01-23-AB'],
    ['a double hyphen', '26--01'],
    ['a leading hyphen', '-26-01-23-01'],
    ['a trailing hyphen', '26-01-23-01-'],
    ['the empty string', ''],
    ['a dot', '26.01.23.01'],
    ['an underscore', '26_01_23_01'],
    ['a space', '26 01'],
  ])('rejects %s (%s) with the character rule and the CI form', (_what, id) => {
    expect(isValidBuildId(id, dev)).toBe(false);
    expect(buildIdProblems(id, dev).join('\n')).toMatch(/lowercase letters, digits and single hyphens.*26-01-23-01/);
  });

  it('rejects an id one character over the maximum with the limit and the env', () => {
    const id = 'a'.repeat(maxBuildIdLength(dev) + 1);
    expect(buildIdProblems(id, dev)).toEqual([
      `must be at most ${maxBuildIdLength(dev)} characters in env "dev" (it is ${id.length}) so every derived AWS and DNS name fits its limit`,
    ]);
  });

  it('accepts an id of exactly the maximum length', () => {
    expect(isValidBuildId('a'.repeat(maxBuildIdLength(dev)), dev)).toBe(true);
  });
});

describe('maxBuildIdLength', () => {
  it.each(ENVS.map((e) => [e.identity.name, e.identity]))('in %s equals the slack of the tightest build-scoped name template', (_name, env) => {
    const templates = buildScopedNames(env, '');
    const tightest = Math.min(...templates.map((t) => t.limit - t.value.length));
    expect(maxBuildIdLength(env)).toBe(tightest);
  });

  it.each(ENVS.map((e) => [e.identity.name, e.identity]))('in %s lets a maximum-length id fill some name exactly to its limit', (_name, env) => {
    const names = buildScopedNames(env, 'a'.repeat(maxBuildIdLength(env)));
    expect(names.filter((n) => n.value.length > n.limit)).toEqual([]);
    expect(names.some((n) => n.value.length === n.limit)).toBe(true);
  });

  it.each(ENVS.map((e) => [e.identity.name, e.identity]))('in %s is exceeded by one more character breaking some name', (_name, env) => {
    const names = buildScopedNames(env, 'a'.repeat(maxBuildIdLength(env) + 1));
    expect(names.some((n) => n.value.length > n.limit)).toBe(true);
  });

  it('is bound by an IAM role name (64) in dev, the tightest AWS limit for the longest role key', () => {
    const id = 'a'.repeat(maxBuildIdLength(dev));
    const atLimit = buildScopedNames(dev, id).filter((n) => n.value.length === n.limit);
    expect(atLimit.map((n) => n.what)).toContain('IAM role cluster-autoscaler');
  });
});

/** Ids shaped like buildIds of every length up to past the limit, plus CI's default form. */
const buildIdCandidates = fc.oneof(
  fc.stringMatching(/^\d{2}-\d{2}-\d{2}-\d{2}$/),
  fc.array(fc.stringMatching(/^[a-z0-9]{1,8}$/), { minLength: 1, maxLength: 5 }).map((parts) => parts.join('-')),
  fc.integer({ min: 1, max: 30 }).map((n) => 'z'.repeat(n)),
);

/** Anything: the characters a buildId may hold and the ones it may not. */
const anyCandidate = fc.string({ unit: fc.constantFrom(...'ab09-_.Z '.split('')), maxLength: 40 });

const envArb = fc.constantFrom(...ENVS);
const appLabel = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/);

describe('every buildId the validator accepts, in every env', () => {
  function accepted() {
    return fc.tuple(envArb, buildIdCandidates).filter(([env, id]) => isValidBuildId(id, env.identity));
  }

  it('keeps every build-scoped name within its limit', () => {
    fc.assert(
      fc.property(accepted(), ([env, id]) => {
        for (const n of buildScopedNames(env.identity, id)) expect(n.value.length).toBeLessThanOrEqual(n.limit);
      }),
    );
  });

  it('yields an EKS cluster name matching the EKS rules', () => {
    fc.assert(
      fc.property(accepted(), ([env, id]) => {
        const name = clusterName(ephemeral(env.identity.name, id));
        expect(name).toMatch(EKS_CLUSTER_NAME);
        expect(name.length).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('yields IAM role names matching the IAM rules for every role', () => {
    fc.assert(
      fc.property(accepted(), ([env, id]) => {
        for (const role of [...IRSA_ROLE_KEYS, ...CLUSTER_ROLE_KEYS]) {
          expect(irsaRoleName(ephemeral(env.identity.name, id), role)).toMatch(IAM_ROLE_NAME);
        }
      }),
    );
  });

  it('yields a host suffix and app hostnames made of valid DNS labels within 253 characters', () => {
    fc.assert(
      fc.property(accepted(), appLabel, ([env, id], app) => {
        const suffix = hostSuffix(ephemeral(env.identity.name, id), env.identity);
        expect(isDnsName(suffix)).toBe(true);
        expect(isDnsName(appHostname(app, suffix))).toBe(true);
      }),
    );
  });

  it('yields valid Kubernetes label values for the buildId and the DNS owner id', () => {
    fc.assert(
      fc.property(accepted(), ([env, id]) => {
        expect(isKubernetesLabelValue(id)).toBe(true);
        expect(isKubernetesLabelValue(dnsOwnerId(ephemeral(env.identity.name, id)))).toBe(true);
      }),
    );
  });

  it('yields stack names that are valid Terraform and cdktf identifiers', () => {
    fc.assert(
      fc.property(accepted(), ([env, id]) => {
        const names = [
          ...FOUNDATION_KINDS.map((k) => foundationStackName(env.identity.name, k)),
          ...DISPOSABLE_KINDS.map((k) => disposableStackName(ephemeral(env.identity.name, id), k)),
        ];
        for (const name of names) expect(name).toMatch(TERRAFORM_IDENTIFIER);
      }),
    );
  });

  it("yields a valid S3 bucket name for object storage with the env's account", () => {
    fc.assert(
      fc.property(accepted(), ([env, id]) => {
        expect(objectStorageBucketName(ephemeral(env.identity.name, id), env.accountId)).toMatch(S3_BUCKET_NAME);
      }),
    );
  });
});

describe('every buildId the validator rejects', () => {
  it('is rejected for exactly the rules it breaks: the character rule, the length limit, or both', () => {
    fc.assert(
      fc.property(envArb, fc.oneof(anyCandidate, buildIdCandidates), (env, id) => {
        const breaksCharacters = id === '' || /[^a-z0-9-]/.test(id) || id.startsWith('-') || id.endsWith('-') || id.includes('--');
        const breaksLength = id.length > maxBuildIdLength(env.identity);
        const problems = buildIdProblems(id, env.identity);
        expect(problems.some((p) => p.startsWith('must be lowercase letters, digits and single hyphens'))).toBe(breaksCharacters);
        expect(problems.some((p) => p.startsWith(`must be at most ${maxBuildIdLength(env.identity)} characters`))).toBe(breaksLength);
        expect(problems).toHaveLength(Number(breaksCharacters) + Number(breaksLength));
      }),
    );
  });
});
