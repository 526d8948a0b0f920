import type { LoggedDecision, LoggedTrajectory } from './logged-trajectories';

/** P(action) under a policy that fans out with probability `fanout`. */
export const probabilityOf = (fanout: number, action: LoggedDecision['action']) =>
  action === 'fanout' ? fanout : 1 - fanout;

/** π(a)/μ(a) for one logged decision: how much likelier the target was to take the logged action. */
export function stepRatio(decision: LoggedDecision): number {
  return probabilityOf(decision.target, decision.action) / probabilityOf(decision.logging, decision.action);
}

/** The trajectory's importance weight: the product of its step ratios (1 for a cell with one attempt). */
export function trajectoryWeight(trajectory: LoggedTrajectory): number {
  let weight = 1;
  for (const decision of trajectory.decisions) weight *= stepRatio(decision);
  return weight;
}

/**
 * Trajectory-wise inverse propensity scoring: (1/n) Σ wᵢ rᵢ. The reward arrives once, at the end of
 * the cell, so per-decision IPS (Precup et al. 2000) is this same estimator. Unbiased when every
 * action the target may take had a positive logging probability. Reference: Horvitz & Thompson (1952).
 *
 * @example
 * ips([{ decisions: [{ index: 1, action: 'refine', logging: 0.5, target: 0, passed: false }], reward: 1, … }]); // => 2
 */
export function ips(trajectories: readonly LoggedTrajectory[]): number {
  let sum = 0;
  for (const trajectory of trajectories) sum += trajectoryWeight(trajectory) * trajectory.reward;
  return trajectories.length === 0 ? Number.NaN : sum / trajectories.length;
}

/**
 * Self-normalised IPS: Σ wᵢ rᵢ / Σ wᵢ — slightly biased, far less variable, always within the reward's
 * range. 0 when no cell has weight (nothing the target would do was logged). Reference: Swaminathan &
 * Joachims (2015), "The Self-Normalized Estimator for Counterfactual Learning".
 *
 * @example
 * snips(trajectories); // => e.g. 0.81
 */
export function snips(trajectories: readonly LoggedTrajectory[]): number {
  let weighted = 0;
  let total = 0;
  for (const trajectory of trajectories) {
    const weight = trajectoryWeight(trajectory);
    weighted += weight * trajectory.reward;
    total += weight;
  }
  return total === 0 ? 0 : weighted / total;
}

/** Kish's effective sample size of the weights: (Σ wᵢ)² / Σ wᵢ²; 0 when every weight is 0. */
export function effectiveSampleSize(trajectories: readonly LoggedTrajectory[]): number {
  let sum = 0;
  let squares = 0;
  for (const trajectory of trajectories) {
    const weight = trajectoryWeight(trajectory);
    sum += weight;
    squares += weight * weight;
  }
  return squares === 0 ? 0 : (sum * sum) / squares;
}
