import { App } from 'cdktf';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ephemeral, persistent, type Selection } from '../../contract/selection';
import { TAG_KEYS } from '../../contract/tags';
import { loadEnvironment } from '../../envs';
import { composeStacks } from '../../stacks/compose';
import { planFor } from '../support/plan';

const env = loadEnvironment('dev');
const build = ephemeral('dev', '26-01-23-01');

function compose(selection: Selection, buildStartedAt?: string) {
  return composeStacks(new App({ outdir: mkdtempSync(join(tmpdir(), 'gp-compose-')) }), { env, plan: planFor(selection, { env, buildStartedAt }) });
}

const stackNames = (stacks: ReturnType<typeof compose>) => Object.values(stacks).map((s) => s.node.id);

let persistentStacks: ReturnType<typeof compose>;
let buildStacks: ReturnType<typeof compose>;

beforeAll(() => {
  persistentStacks = compose(persistent('dev'));
  buildStacks = compose(build);
});

describe('composeStacks', () => {
  it('composes the account plane, the three foundational and the two persistent disposable stacks of an env', () => {
    expect(stackNames(persistentStacks)).toEqual(['dev-bootstrap', 'dev-network', 'dev-dns', 'dev-database', 'dev-cluster', 'dev-platform']);
  });

  it('composes the account plane, the three foundational and the two build stacks of a build', () => {
    expect(stackNames(buildStacks)).toEqual(['dev-bootstrap', 'dev-network', 'dev-dns', 'dev-database', 'dev-b-26-01-23-01-cluster', 'dev-b-26-01-23-01-platform']);
  });

  it("gives a build's foundational stacks the env's persistent selection", () => {
    expect([buildStacks.network.selection, buildStacks.dns.selection, buildStacks.database.selection]).toEqual([persistent('dev'), persistent('dev'), persistent('dev')]);
  });

  it("never tags a build's foundational stacks with the build", () => {
    for (const stack of [buildStacks.network, buildStacks.dns, buildStacks.database]) expect(stack.tags).not.toHaveProperty([TAG_KEYS.buildId]);
  });

  it('tags the build stacks with the expiry TTL hours after the end of the build day', () => {
    expect([buildStacks.cluster.tags[TAG_KEYS.expiresAt], buildStacks.platform.tags[TAG_KEYS.expiresAt]]).toEqual(['2026-01-24T08:00:00Z', '2026-01-24T08:00:00Z']);
  });

  it('tags the build stacks with the expiry TTL hours after an explicit start', () => {
    expect(compose(build, '2026-01-23T10:15:00Z').cluster.tags[TAG_KEYS.expiresAt]).toBe('2026-01-23T18:15:00Z');
  });

  it('gives persistent disposable stacks no expiry', () => {
    expect(persistentStacks.cluster.tags).not.toHaveProperty([TAG_KEYS.expiresAt]);
  });

  it('refuses a build whose expiry cannot be derived, naming GOLDENPATH_BUILD_STARTED_AT', () => {
    expect(() => compose(ephemeral('dev', 'feature-x'))).toThrow(/^GOLDENPATH_BUILD_STARTED_AT: is required/);
  });
});
