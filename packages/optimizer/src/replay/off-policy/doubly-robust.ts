import { probabilityOf, stepRatio } from './importance-sampling';
import type { LoggedDecision, LoggedTrajectory } from './logged-trajectories';

/** Q̂(decision, action): the predicted final reward of taking `action` at a logged decision point. */
export type RewardModel = (decision: LoggedDecision, action: LoggedDecision['action']) => number;

/** A dense key for (decision index, action, passed): the model is refit in every bootstrap resample. */
const keyOf = (index: number, action: LoggedDecision['action'], passed: boolean) =>
  index * 4 + (action === 'fanout' ? 2 : 0) + (passed ? 1 : 0);

/**
 * The reward model DR uses, fit on the logged trajectories: the mean final reward of the cells that
 * took `action` at decision `index` with the same `passed` (whether an earlier attempt passed all its
 * checks), and the mean reward of all cells where no cell had that key. A table of means, not a
 * model of the target's future: the rest of each cell followed the logging policy. DR needs the model
 * only to reduce variance; it stays unbiased however wrong the model is.
 */
export function fitRewardModel(trajectories: readonly LoggedTrajectory[]): RewardModel {
  const totals: number[] = [];
  const counts: number[] = [];
  let all = 0;
  for (const trajectory of trajectories) {
    all += trajectory.reward;
    for (const decision of trajectory.decisions) {
      const key = keyOf(decision.index, decision.action, decision.passed);
      totals[key] = (totals[key] ?? 0) + trajectory.reward;
      counts[key] = (counts[key] ?? 0) + 1;
    }
  }
  const fallback = trajectories.length === 0 ? 0 : all / trajectories.length;
  return (decision, action) => {
    const key = keyOf(decision.index, action, decision.passed);
    const count = counts[key];
    return count === undefined ? fallback : (totals[key] as number) / count;
  };
}

/**
 * The doubly-robust estimate for sequential decisions (Jiang & Li 2016, "Doubly Robust Off-policy
 * Value Evaluation for Reinforcement Learning", eq. 7, γ = 1), with the reward at the end of the cell:
 * from the last decision back, D ← V̂(h) + ρ (D − Q̂(h, a)), starting from D = r, where
 * V̂(h) = Σₐ π(a | h) Q̂(h, a) and ρ = π(a | h)/μ(a | h); the estimate is the mean of D over cells.
 * `model` defaults to `fitRewardModel` on the same trajectories.
 *
 * @example
 * doublyRobust(trajectories); // => e.g. 0.83
 */
export function doublyRobust(
  trajectories: readonly LoggedTrajectory[],
  model: RewardModel = fitRewardModel(trajectories),
): number {
  if (trajectories.length === 0) return Number.NaN;
  let sum = 0;
  for (const trajectory of trajectories) {
    let value = trajectory.reward;
    for (let i = trajectory.decisions.length - 1; i >= 0; i--) {
      const decision = trajectory.decisions[i] as LoggedDecision;
      const expected =
        probabilityOf(decision.target, 'fanout') * model(decision, 'fanout') +
        probabilityOf(decision.target, 'refine') * model(decision, 'refine');
      value = expected + stepRatio(decision) * (value - model(decision, decision.action));
    }
    sum += value;
  }
  return sum / trajectories.length;
}
