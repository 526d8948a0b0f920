import type { AutoloopState, LoopSettings, LoopStatus, ScoreEntry, StopRule } from '../autoloop-types';

/** A stop rule that fired: which one, and a sentence naming it with its numbers (the state's `stop_reason`). */
export interface StopVerdict {
  readonly rule: StopRule;
  readonly reason: string;
}

/**
 * The state field holding the target's hash before the first iteration. It is kept in the state (an extra
 * field, preserved by the store) because on resume the orchestrator's `initialHash` is the target's hash
 * NOW, and a return to the true starting point would go unseen.
 */
export const initialTargetHashField = 'initial_target_hash';

export function initialTargetHashOf(state: AutoloopState): string | null {
  const value = state[initialTargetHashField];
  return typeof value === 'string' ? value : null;
}

const usd = (value: number): string => `$${value.toFixed(2)}`;

/** The status a loop stopped by `rule` ends in. */
export function statusForRule(rule: StopRule): LoopStatus {
  return rule === 'consecutive_errors' ? 'stopped_errors' : `stopped_${rule}`;
}

/** `max_iterations`: fires once `iterations_completed ≥ maxIterations`. */
export function maxIterationsRule(state: AutoloopState, settings: LoopSettings): StopVerdict | null {
  if (state.iterations_completed < settings.maxIterations) return null;
  return {
    rule: 'max_iterations',
    reason: `max_iterations: ${state.iterations_completed} of ${settings.maxIterations} iterations completed`,
  };
}

/** `cost_cap`: fires once the measured spend, across re-invocations, reaches the cap. */
export function costCapRule(state: AutoloopState, settings: LoopSettings): StopVerdict | null {
  if (settings.maxCostUsd === null || state.total_cost_usd < settings.maxCostUsd) return null;
  return {
    rule: 'cost_cap',
    reason: `cost_cap: spent ${usd(state.total_cost_usd)} of the ${usd(settings.maxCostUsd)} cap`,
  };
}

/**
 * What the next iteration is expected to cost: the LARGEST metered spend of any iteration so far. The
 * largest, not the mean, because starting an iteration that then has to be aborted at the cap wastes the
 * money it spent; null when no iteration was metered (nothing to estimate from: the running-iteration
 * abort is then the only guard).
 */
export function estimatedIterationCostUsd(history: readonly ScoreEntry[]): number | null {
  let largest: number | null = null;
  for (const entry of history) {
    if (entry.spend_usd !== null && (largest === null || entry.spend_usd > largest)) largest = entry.spend_usd;
  }
  return largest;
}

/** True when the estimated cost of the next iteration would take the spend past the cap (reaching it is not crossing). */
export function wouldCrossCap(state: AutoloopState, settings: LoopSettings): boolean {
  if (settings.maxCostUsd === null) return false;
  const estimate = estimatedIterationCostUsd(state.score_history);
  return estimate !== null && state.total_cost_usd + estimate > settings.maxCostUsd;
}

/** `cost_cap` before starting an iteration: the cap reached, or the next iteration's estimate would cross it. */
export function costCapBeforeStartRule(state: AutoloopState, settings: LoopSettings): StopVerdict | null {
  const reached = costCapRule(state, settings);
  if (reached !== null || settings.maxCostUsd === null || !wouldCrossCap(state, settings)) return reached;
  const estimate = estimatedIterationCostUsd(state.score_history) ?? 0;
  return {
    rule: 'cost_cap',
    reason: `cost_cap: the next iteration, estimated at ${usd(estimate)} (the largest metered iteration so far), would take the spend from ${usd(state.total_cost_usd)} past the ${usd(settings.maxCostUsd)} cap`,
  };
}

/** A kept candidate that improved: its gated lift's CI lower bound exceeds `minImprovement` (noise-aware). */
export function isImprovement(entry: ScoreEntry, minImprovement: number): boolean {
  return entry.decision === 'keep' && entry.ci !== null && entry.ci[0] > minImprovement;
}

/** The plateau counter: iterations since the last improving keep (all of them when there was none). */
export function plateauCounter(history: readonly ScoreEntry[], minImprovement: number): number {
  let count = 0;
  for (let i = history.length - 1; i >= 0; i--) {
    if (isImprovement(history[i] as ScoreEntry, minImprovement)) break;
    count++;
  }
  return count;
}

/**
 * `plateau`: no improving keep in the last `plateauWindow` iterations. The counter only reaches the
 * window once that many iterations exist, so a young loop never plateaus.
 */
export function plateauRule(state: AutoloopState, settings: LoopSettings): StopVerdict | null {
  const counter = plateauCounter(state.score_history, settings.minImprovement);
  if (counter < settings.plateauWindow) return null;
  return {
    rule: 'plateau',
    reason: `plateau: no kept candidate's gated lift had a CI lower bound above ${settings.minImprovement} in the last ${settings.plateauWindow} iterations (plateau counter ${counter} of ${settings.plateauWindow})`,
  };
}

/** Keep/reject alternation is read over this many decisions: over 2 or 3 it is common chance. */
export const minAlternationWindow = 4;

function hashReturn(history: readonly ScoreEntry[], initialHash: string | null): string | null {
  const firstSeen = new Map<string, number>();
  if (initialHash !== null) firstSeen.set(initialHash, 0);
  let current = initialHash;
  for (const entry of history) {
    const hash = entry.target_hash;
    if (hash === null || hash === current) continue;
    const before = firstSeen.get(hash);
    if (before !== undefined) {
      const when = before === 0 ? 'before the first iteration' : `after iteration ${before}`;
      return `oscillation: iteration ${entry.iteration} returned the target to hash ${hash}, which it had ${when}`;
    }
    firstSeen.set(hash, entry.iteration);
    current = hash;
  }
  return null;
}

function alternation(history: readonly ScoreEntry[], window: number, minImprovement: number): string | null {
  if (history.length < window) return null;
  const last = history.slice(-window);
  for (let i = 0; i < last.length; i++) {
    const entry = last[i] as ScoreEntry;
    // A keep whose gated lift clears --min-improvement is progress, however the decisions around it fall.
    if (entry.decision === 'error' || isImprovement(entry, minImprovement)) return null;
    if (i > 0 && entry.decision === (last[i - 1] as ScoreEntry).decision) return null;
  }
  const first = (last[0] as ScoreEntry).iteration;
  const final = (last[last.length - 1] as ScoreEntry).iteration;
  return `oscillation: keep and reject alternated over the last ${window} decisions (iterations ${first}–${final}), and no kept candidate's gated lift cleared ${minImprovement}: the target churns without measured progress`;
}

/**
 * `oscillation`: the target's hash returns to one it had before (the initial hash included; an
 * unchanged hash, as after a reject, is not a return), or keep/reject strictly alternates over the last 4
 * decisions with none of the keeps an improvement (its CI lower bound above `minImprovement`). A loop
 * whose every other proposal is a measured gain is improving, not oscillating, so it is not stopped; the
 * alternation rule catches churn — marginal keeps between rejects — before a longer plateau window would.
 */
export function oscillationRule(state: AutoloopState, settings: LoopSettings): StopVerdict | null {
  const reason =
    hashReturn(state.score_history, initialTargetHashOf(state)) ??
    alternation(state.score_history, minAlternationWindow, settings.minImprovement);
  return reason === null ? null : { rule: 'oscillation', reason };
}

/** `consecutive_errors`: that many failed iterations in a row, counted in the state across re-invocations. */
export function consecutiveErrorsRule(state: AutoloopState, settings: LoopSettings): StopVerdict | null {
  if (state.consecutive_errors < settings.maxConsecutiveErrors) return null;
  const trace = state.last_failure_trace?.split('\n')[0];
  return {
    rule: 'consecutive_errors',
    reason: `consecutive_errors: ${state.consecutive_errors} failed iterations in a row (limit ${settings.maxConsecutiveErrors})${trace ? `; last failure: ${trace}` : ''}`,
  };
}

/**
 * The first rule that holds on the state, in a fixed order: the budget rules (iterations, money), then
 * errors, oscillation and plateau. Checked before an invocation's first iteration and after every
 * iteration, so a rule that holds also prevents the next start, and a loop stopped by a rule stays
 * stopped when run again unless its settings changed (a raised cap, a longer window).
 */
export function firstStopRule(state: AutoloopState, settings: LoopSettings): StopVerdict | null {
  return (
    maxIterationsRule(state, settings) ??
    costCapBeforeStartRule(state, settings) ??
    consecutiveErrorsRule(state, settings) ??
    oscillationRule(state, settings) ??
    plateauRule(state, settings)
  );
}
