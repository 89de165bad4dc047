import { ephemeral, persistent } from '../../contract/selection';
import { MANAGED_BY, resourceTags, TAG_KEYS } from '../../contract/tags';

const build = ephemeral('dev', '26-01-23-01');
const expiresAt = '2026-01-24T08:00:00Z';

describe('TAG_KEYS', () => {
  // Pinned literally: cleanup and the reaper in live accounts find resources by these exact keys.
  it('are the keys the design names', () => {
    expect(TAG_KEYS).toEqual({
      env: 'goldenpath.idp/env',
      plane: 'goldenpath.idp/plane',
      lifecycle: 'goldenpath.idp/lifecycle',
      stack: 'goldenpath.idp/stack',
      buildId: 'goldenpath.idp/build-id',
      expiresAt: 'goldenpath.idp/expires-at',
      managedBy: 'ManagedBy',
    });
  });
});

describe('resourceTags', () => {
  it('tags a foundational stack with env, plane, persistent lifecycle, stack and ManagedBy only', () => {
    expect(resourceTags({ selection: persistent('dev'), plane: 'foundational', stack: 'dev-network' })).toEqual({
      [TAG_KEYS.env]: 'dev',
      [TAG_KEYS.plane]: 'foundational',
      [TAG_KEYS.lifecycle]: 'persistent',
      [TAG_KEYS.stack]: 'dev-network',
      [TAG_KEYS.managedBy]: MANAGED_BY,
    });
  });

  it('never puts build-id or expires-at on a foundational stack, even for an ephemeral selection', () => {
    const tags = resourceTags({ selection: build, plane: 'foundational', stack: 'dev-network', expiresAt });
    expect(tags).not.toHaveProperty([TAG_KEYS.buildId]);
    expect(tags).not.toHaveProperty([TAG_KEYS.expiresAt]);
  });

  it('marks a foundational stack persistent even for an ephemeral selection', () => {
    expect(resourceTags({ selection: build, plane: 'foundational', stack: 'dev-network' })[TAG_KEYS.lifecycle]).toBe('persistent');
  });

  it('tags a build stack with its build-id, expires-at and the ephemeral lifecycle', () => {
    expect(resourceTags({ selection: build, plane: 'disposable', stack: 'dev-b-26-01-23-01-cluster', expiresAt })).toEqual({
      [TAG_KEYS.env]: 'dev',
      [TAG_KEYS.plane]: 'disposable',
      [TAG_KEYS.lifecycle]: 'ephemeral',
      [TAG_KEYS.stack]: 'dev-b-26-01-23-01-cluster',
      [TAG_KEYS.buildId]: '26-01-23-01',
      [TAG_KEYS.expiresAt]: expiresAt,
      [TAG_KEYS.managedBy]: MANAGED_BY,
    });
  });

  it('gives a persistent disposable stack the persistent lifecycle and no build-id', () => {
    const tags = resourceTags({ selection: persistent('dev'), plane: 'disposable', stack: 'dev-cluster' });
    expect(tags).not.toHaveProperty([TAG_KEYS.buildId]);
    expect(tags[TAG_KEYS.lifecycle]).toBe('persistent');
  });
});
