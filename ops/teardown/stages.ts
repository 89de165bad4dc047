/** Teardown stages in order; each is recorded when it completes so a re-run resumes after it. */
export const TEARDOWN_STAGES = ['drain', 'destroy-platform', 'destroy-cluster', 'orphans'] as const;
export type TeardownStage = (typeof TEARDOWN_STAGES)[number];

export interface TeardownState {
  readonly env: string;
  readonly buildId: string;
  readonly completed: readonly TeardownStage[];
  readonly notes: readonly string[];
}

export function initialState(env: string, buildId: string): TeardownState {
  return { env, buildId, completed: [], notes: [] };
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
