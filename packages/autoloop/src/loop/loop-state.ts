import type { AutoloopState, IterationOutcome, LoopSettings, ScoreEntry } from '../autoloop-types';
import { initialTargetHashField, plateauCounter } from './stop-rules';

/** A fresh state for a loop that has not run yet (status `running`, nothing spent). */
export function createLoopState(options: {
  target: string;
  settings: LoopSettings;
  initialHash: string | null;
  now: Date;
}): AutoloopState {
  const at = options.now.toISOString();
  return {
    schema_version: 1,
    target: options.target,
    iterations_completed: 0,
    max_iterations: options.settings.maxIterations,
    total_cost_usd: 0,
    max_cost_usd: options.settings.maxCostUsd,
    score_history: [],
    plateau_counter: 0,
    consecutive_errors: 0,
    status: 'running',
    stop_reason: null,
    last_failure_trace: null,
    next_run_at: null,
    started_at: at,
    updated_at: at,
    [initialTargetHashField]: options.initialHash,
  };
}

/**
 * The state a resumed invocation starts from: `running` again, with this invocation's budget settings
 * (a raised cap or iteration count takes effect). Counters, history and spend carry over; unknown
 * fields a newer version wrote are kept by the spread.
 */
export function resumeLoopState(state: AutoloopState, settings: LoopSettings, now: Date): AutoloopState {
  return {
    ...state,
    max_iterations: settings.maxIterations,
    max_cost_usd: settings.maxCostUsd,
    plateau_counter: plateauCounter(state.score_history, settings.minImprovement),
    status: 'running',
    stop_reason: null,
    updated_at: now.toISOString(),
  };
}

/**
 * Folds one finished iteration into the state: counts it, adds its measured spend (an unmetered
 * iteration adds nothing and its history entry says `null`, never 0), appends the score entry, and
 * updates the error and plateau counters. A kept or rejected iteration resets the error streak.
 */
export function applyOutcome(
  state: AutoloopState,
  outcome: IterationOutcome,
  options: { iteration: number; settings: LoopSettings; now: Date },
): AutoloopState {
  const entry: ScoreEntry = {
    iteration: options.iteration,
    weighted_score: outcome.score?.estimate ?? null,
    decision: outcome.decision,
    candidate_id: outcome.candidateId,
    ci: outcome.score === null ? null : [outcome.score.low, outcome.score.high],
    target_hash: outcome.targetHash,
    spend_usd: outcome.spendUsd,
  };
  const history = [...state.score_history, entry];
  const failed = outcome.decision === 'error';
  return {
    ...state,
    iterations_completed: state.iterations_completed + 1,
    total_cost_usd: state.total_cost_usd + (outcome.spendUsd ?? 0),
    score_history: history,
    plateau_counter: plateauCounter(history, options.settings.minImprovement),
    consecutive_errors: failed ? state.consecutive_errors + 1 : 0,
    last_failure_trace: failed ? (outcome.failure ?? 'the iteration failed without a trace') : state.last_failure_trace,
    updated_at: options.now.toISOString(),
  };
}
