/** Which clusters a run is about: the env's persistent pair, or one CI build. */
export type Selection =
  | { readonly env: string; readonly lifecycle: 'persistent' }
  | { readonly env: string; readonly lifecycle: 'ephemeral'; readonly buildId: string };

export function buildIdOf(selection: Selection): string | undefined {
  return selection.lifecycle === 'ephemeral' ? selection.buildId : undefined;
}

export function persistent(env: string): Selection {
  return { env, lifecycle: 'persistent' };
}

export function ephemeral(env: string, buildId: string): Selection {
  return { env, lifecycle: 'ephemeral', buildId };
}
