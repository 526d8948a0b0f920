import { describe, expect, it } from 'vitest';
import type { AutoloopState, Decision, LoopSettings, ScoreEntry } from '../autoloop-types';
import { createLoopState } from './loop-state';
import {
  consecutiveErrorsRule,
  costCapBeforeStartRule,
  costCapRule,
  estimatedIterationCostUsd,
  firstStopRule,
  maxIterationsRule,
  oscillationRule,
  plateauCounter,
  plateauRule,
  statusForRule,
  wouldCrossCap,
} from './stop-rules';

const settings: LoopSettings = {
  maxIterations: 10,
  maxCostUsd: 10,
  plateauWindow: 3,
  cooldownMinutes: 0,
  mode: 'single-run',
  maxConsecutiveErrors: 3,
  minImprovement: 0,
  dryRun: true,
};

function entry(iteration: number, decision: Decision, extra: Partial<ScoreEntry> = {}): ScoreEntry {
  return {
    iteration,
    weighted_score: null,
    decision,
    candidate_id: null,
    ci: null,
    target_hash: null,
    spend_usd: null,
    ...extra,
  };
}

function stateWith(history: ScoreEntry[], patch: Partial<AutoloopState> = {}): AutoloopState {
  const base = createLoopState({ target: 't', settings, initialHash: 'h0', now: new Date(0) });
  return { ...base, score_history: history, iterations_completed: history.length, ...patch };
}

const improving = (i: number, hash: string) => entry(i, 'keep', { ci: [0.01, 0.05], target_hash: hash });
const reject = (i: number, hash = 'h0') => entry(i, 'reject', { ci: [-0.02, 0.02], target_hash: hash });

describe('max_iterations', () => {
  it('fires when the iterations completed reach the maximum, not one before', () => {
    expect(maxIterationsRule(stateWith([], { iterations_completed: 9 }), settings)).toBeNull();
    expect(maxIterationsRule(stateWith([], { iterations_completed: 10 }), settings)?.reason).toBe(
      'max_iterations: 10 of 10 iterations completed',
    );
  });
});

describe('cost_cap', () => {
  it('fires when the total spend reaches the cap, not a cent before', () => {
    expect(costCapRule(stateWith([], { total_cost_usd: 9.99 }), settings)).toBeNull();
    expect(costCapRule(stateWith([], { total_cost_usd: 10 }), settings)?.reason).toBe(
      'cost_cap: spent $10.00 of the $10.00 cap',
    );
    expect(costCapRule(stateWith([], { total_cost_usd: 1e6 }), { ...settings, maxCostUsd: null })).toBeNull();
  });

  it('estimates the next iteration at the largest metered one, ignoring unmetered ones', () => {
    const history = [entry(1, 'keep', { spend_usd: 2 }), entry(2, 'reject'), entry(3, 'reject', { spend_usd: 3.5 })];
    expect(estimatedIterationCostUsd(history)).toBe(3.5);
    expect(estimatedIterationCostUsd([entry(1, 'reject')])).toBeNull();
  });

  it('refuses to start an iteration whose estimate would cross the cap, and allows one that only reaches it', () => {
    const history = [entry(1, 'reject', { spend_usd: 3 })];
    expect(wouldCrossCap(stateWith(history, { total_cost_usd: 7 }), settings)).toBe(false);
    expect(wouldCrossCap(stateWith(history, { total_cost_usd: 7.01 }), settings)).toBe(true);
    expect(costCapBeforeStartRule(stateWith(history, { total_cost_usd: 7.01 }), settings)?.reason).toBe(
      'cost_cap: the next iteration, estimated at $3.00 (the largest metered iteration so far), would take the spend from $7.01 past the $10.00 cap',
    );
  });

  it('cannot estimate without a metered iteration, so it does not block', () => {
    expect(wouldCrossCap(stateWith([entry(1, 'reject')], { total_cost_usd: 9.99 }), settings)).toBe(false);
  });
});

describe('plateau', () => {
  it('counts the iterations since the last improving keep', () => {
    expect(plateauCounter([improving(1, 'a'), reject(2), entry(3, 'error')], 0)).toBe(2);
    expect(plateauCounter([reject(1)], 0)).toBe(1);
    expect(plateauCounter([], 0)).toBe(0);
  });

  it('does not count a keep whose CI lower bound is at or under the minimum improvement', () => {
    const noisyKeep = entry(1, 'keep', { ci: [-0.01, 0.08], target_hash: 'a' });
    expect(plateauCounter([noisyKeep], 0)).toBe(1);
    expect(plateauCounter([improving(1, 'a')], 0.01)).toBe(1);
    expect(plateauCounter([improving(1, 'a')], 0.009)).toBe(0);
  });

  it('fires after a window of iterations with no improving keep, not one before', () => {
    expect(plateauRule(stateWith([improving(1, 'a'), reject(2, 'a'), reject(3, 'a')]), settings)).toBeNull();
    expect(plateauRule(stateWith([reject(1), reject(2)]), settings)).toBeNull();
    expect(
      plateauRule(stateWith([improving(1, 'a'), reject(2, 'a'), reject(3, 'a'), reject(4, 'a')]), settings)?.reason,
    ).toBe(
      "plateau: no kept candidate's gated lift had a CI lower bound above 0 in the last 3 iterations (plateau counter 3 of 3)",
    );
  });
});

describe('oscillation', () => {
  it('fires when the target returns to its initial hash', () => {
    const history = [improving(1, 'a'), improving(2, 'h0')];
    expect(oscillationRule(stateWith(history.slice(0, 1)), settings)).toBeNull();
    expect(oscillationRule(stateWith(history), settings)?.reason).toBe(
      'oscillation: iteration 2 returned the target to hash h0, which it had before the first iteration',
    );
  });

  it('fires when the target returns to a hash it had after an earlier iteration', () => {
    const history = [improving(1, 'a'), improving(2, 'b'), improving(3, 'a')];
    expect(oscillationRule(stateWith(history.slice(0, 2)), settings)).toBeNull();
    expect(oscillationRule(stateWith(history), settings)?.reason).toBe(
      'oscillation: iteration 3 returned the target to hash a, which it had after iteration 1',
    );
  });

  it('does not take an unchanged hash (a reject, an error) for a return', () => {
    const history = [improving(1, 'a'), reject(2, 'a'), entry(3, 'error'), reject(4, 'a'), improving(5, 'b')];
    expect(oscillationRule(stateWith(history), settings)).toBeNull();
  });

  it('fires when keep and reject alternate over 4 decisions with only marginal keeps, not over 3', () => {
    const marginal = (i: number, hash: string) => entry(i, 'keep', { ci: [0.005, 0.05], target_hash: hash });
    const history = [marginal(1, 'a'), reject(2, 'a'), marginal(3, 'b'), reject(4, 'b')];
    const churn = { ...settings, minImprovement: 0.01, plateauWindow: 6 };
    expect(oscillationRule(stateWith(history.slice(1)), churn)).toBeNull();
    expect(oscillationRule(stateWith(history), churn)?.reason).toBe(
      "oscillation: keep and reject alternated over the last 4 decisions (iterations 1–4), and no kept candidate's gated lift cleared 0.01: the target churns without measured progress",
    );
    // The same keeps count as progress when --min-improvement is 0: alternating gains do not stop the loop.
    expect(oscillationRule(stateWith(history), { ...churn, minImprovement: 0 })).toBeNull();
  });

  it('does not stop a loop whose every other iteration is a measured gain', () => {
    const history = [improving(1, 'a'), reject(2, 'a'), improving(3, 'b'), reject(4, 'b'), improving(5, 'c')];
    expect(oscillationRule(stateWith(history), settings)).toBeNull();
  });

  it('does not read alternation through an error or a repeat', () => {
    const withError = [improving(1, 'a'), reject(2, 'a'), entry(3, 'error'), reject(4, 'a'), improving(5, 'b')];
    expect(oscillationRule(stateWith(withError), settings)).toBeNull();
  });
});

describe('consecutive_errors', () => {
  it('fires at the limit, not one before, and quotes the last failure', () => {
    expect(consecutiveErrorsRule(stateWith([], { consecutive_errors: 2 }), settings)).toBeNull();
    const state = stateWith([], { consecutive_errors: 3, last_failure_trace: 'Error: boom\n    at x' });
    expect(consecutiveErrorsRule(state, settings)?.reason).toBe(
      'consecutive_errors: 3 failed iterations in a row (limit 3); last failure: Error: boom',
    );
  });
});

describe('firstStopRule', () => {
  it('names the budget rule first when several hold', () => {
    const state = stateWith([reject(1), reject(2), reject(3)], { iterations_completed: 10, consecutive_errors: 5 });
    expect(firstStopRule(state, settings)?.rule).toBe('max_iterations');
    expect(firstStopRule(stateWith([improving(1, 'a')]), settings)).toBeNull();
  });

  it('maps rules to statuses', () => {
    expect(statusForRule('consecutive_errors')).toBe('stopped_errors');
    expect(statusForRule('cost_cap')).toBe('stopped_cost_cap');
  });
});
