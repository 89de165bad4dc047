/** Teardown stages in order; each is recorded when it completes so a re-run resumes after it. */
export const TEARDOWN_STAGES = ['drain', 'destroy-platform', 'destroy-cluster', 'orphans'] as const;
export type TeardownStage = (typeof TEARDOWN_STAGES)[number];

export interface TeardownState {
  readonly env: string;
  readonly buildId: string;
  /**
   * Which run of the build this state belongs to: the cluster's creation time
   * when the teardown started (`none` when there was no cluster). A state of
   * another run of the same build id is never resumed.
   */
  readonly runKey?: string;
  readonly completed: readonly TeardownStage[];
  readonly notes: readonly string[];
  /** Set by the drain: the cluster API could not be reached (or the cluster was gone), so in-cluster state is dropped, not destroyed. */
  readonly apiUnreachable?: boolean;
}

export function initialState(env: string, buildId: string, runKey?: string): TeardownState {
  return { env, buildId, runKey, completed: [], notes: [] };
}

/** Stages still to run, in order. */
export function remainingStages(state: TeardownState): TeardownStage[] {
  return TEARDOWN_STAGES.filter((s) => !state.completed.includes(s));
}

export function completeStage(state: TeardownState, stage: TeardownStage, note?: string): TeardownState {
  return {
    ...state,
    completed: state.completed.includes(stage) ? state.completed : [...state.completed, stage],
    notes: note === undefined ? state.notes : [...state.notes, `${stage}: ${note}`],
  };
}

export function noteStage(state: TeardownState, stage: TeardownStage, note: string): TeardownState {
  return { ...state, notes: [...state.notes, `${stage}: ${note}`] };
}

/**
 * The state a teardown starts from. A saved state is resumed only when it
 * belongs to the same run of the build: the cluster that exists now is the one
 * it started on, or no cluster exists now. A complete state whose build still
 * has resources is a finished teardown of an earlier run: start over.
 */
export function startingState(saved: TeardownState | undefined, env: string, buildId: string, current: { runKey: string; buildHasResources: boolean }): { state: TeardownState; reason?: string } {
  const fresh = initialState(env, buildId, current.runKey);
  if (saved === undefined) return { state: fresh };
  const clusterNow = current.runKey !== NO_CLUSTER;
  if (clusterNow && saved.runKey !== current.runKey) {
    return { state: fresh, reason: `the saved state belongs to another run of build ${buildId} (cluster created ${saved.runKey ?? 'unknown'}, now ${current.runKey}): starting over` };
  }
  if (remainingStages(saved).length === 0 && current.buildHasResources) {
    return { state: fresh, reason: `the saved state says complete, but build ${buildId} still has resources: starting over` };
  }
  return { state: saved };
}

/** The run key when the build has no cluster. */
export const NO_CLUSTER = 'none';
