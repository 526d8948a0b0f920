import type { Corpus, Verdict } from '@ratchet/corpus';
import { bootstrapInterval, type Seed } from '@ratchet/stats';
import { doublyRobust } from './doubly-robust';
import { effectiveSampleSize, ips, snips, trajectoryWeight } from './importance-sampling';
import { type LoggedTrajectory, loggedTrajectories } from './logged-trajectories';
import { OffPolicyError } from './off-policy-error';
import type { TopologyPolicy } from './topology-policy';

export interface OffPolicyOptions {
  readonly runId: string;
  readonly armId: string;
  /** The policy that logged the arm (its controller is `withTopologyPolicy(…, logging)`). */
  readonly logging: TopologyPolicy;
  /** The policy to estimate, run on the same base controller. */
  readonly target: TopologyPolicy;
  /** A cell's reward from its verdict; default 1 when resolved, else 0. */
  readonly reward?: (verdict: Verdict) => number;
  /** Bootstrap resamples, default 10,000. */
  readonly resamples?: number;
  /** Two-sided confidence, default 0.95. */
  readonly confidence?: number;
  /** Seed of the bootstrap's resampling stream. */
  readonly seed: Seed;
}

/** A value with its task-clustered percentile bootstrap interval. */
export interface OffPolicyEstimate {
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
}

export interface OffPolicyValue {
  readonly runId: string;
  readonly armId: string;
  readonly logging: string;
  readonly target: string;
  /** Trajectory-wise IPS (the reward is terminal, so per-decision IPS is the same estimator). */
  readonly ips: OffPolicyEstimate;
  /** Self-normalised IPS. */
  readonly snips: OffPolicyEstimate;
  /** Doubly robust, with the per-(decision, action, passed-so-far) table of means as reward model. */
  readonly dr: OffPolicyEstimate;
  /** The logged cells' own mean reward: the logging policy's on-policy value, for reference. */
  readonly logged: OffPolicyEstimate;
  /** Cells estimated from, and the tasks they cluster in (the bootstrap's resampling unit). */
  readonly cells: number;
  readonly tasks: number;
  /** Kish's effective sample size of the importance weights: how many cells the estimate is worth. */
  readonly effectiveSampleSize: number;
  /** Cells whose logged actions the target would never take: weight 0, no support for the target there. */
  readonly zeroSupport: number;
  /**
   * Cells with a decision where the target may take an action the logging policy never takes: there
   * IPS and SNIPS are biased (positivity fails), and DR leans on its reward model alone.
   */
  readonly positivityViolations: number;
  /** Cells left out: infra, or no verdict on the final output. */
  readonly skipped: { readonly infra: number; readonly unjudged: number };
}

/**
 * Estimates what an arm's success would have been had its topology followed `target` instead of the
 * randomized `logging` policy that ran, from its logged cells alone: IPS, self-normalised IPS and
 * doubly robust (see `ips`, `snips`, `doublyRobust`), each with a percentile bootstrap interval that
 * resamples whole tasks (replicates of a task move together; DR's reward model is refit in every
 * resample). Reads train and val cells only. Valid when the target keeps the logged arm's strategy,
 * base controller and stop rule, and differs only in how it picks refine or fanout.
 *
 * @throws {OffPolicyError} see `loggedTrajectories`; and `no-support` when no cell has positive weight.
 * @throws {InvalidInputError} (from `@ratchet/stats`) for fewer than two tasks or invalid bootstrap settings.
 * @example
 * await offPolicyValue(corpus, { runId: 'logged', armId: 'arm', logging: fanoutWith(0.5), target: alwaysRefine, seed: 1 });
 * // => { ips: { estimate: 0.86, low: 0.79, high: 0.93 }, snips: …, dr: …, effectiveSampleSize: 248, zeroSupport: 1502, … }
 */
export async function offPolicyValue(corpus: Corpus, options: OffPolicyOptions): Promise<OffPolicyValue> {
  const { trajectories, skipped } = await loggedTrajectories(corpus, options);
  if (trajectories.length === 0) {
    throw new OffPolicyError(
      'no-cells',
      `arm ${options.armId} of run ${options.runId} has no judged cell to estimate from`,
    );
  }
  const weights = trajectories.map(trajectoryWeight);
  const zeroSupport = weights.filter((weight) => weight === 0).length;
  if (zeroSupport === trajectories.length) {
    throw new OffPolicyError(
      'no-support',
      `none of the ${trajectories.length} cells of arm ${options.armId} in run ${options.runId} took the actions ${options.target.id} would take: log with a policy that gives them a positive probability`,
    );
  }
  const indices = Float64Array.from(trajectories, (_, i) => i);
  const clusters = trajectories.map((trajectory) => trajectory.taskId);
  const interval = (estimator: (sample: readonly LoggedTrajectory[]) => number): OffPolicyEstimate => {
    const result = bootstrapInterval(indices, {
      clusters,
      seed: options.seed,
      ...(options.resamples === undefined ? {} : { resamples: options.resamples }),
      ...(options.confidence === undefined ? {} : { confidence: options.confidence }),
      statistic: (sample) => estimator(Array.from(sample, (i) => trajectories[i] as LoggedTrajectory)),
    });
    return { estimate: result.estimate, low: result.low, high: result.high };
  };
  return {
    runId: options.runId,
    armId: options.armId,
    logging: options.logging.id,
    target: options.target.id,
    ips: interval(ips),
    snips: interval(snips),
    dr: interval((sample) => doublyRobust(sample)),
    logged: interval((sample) => sample.reduce((sum, trajectory) => sum + trajectory.reward, 0) / sample.length),
    cells: trajectories.length,
    tasks: new Set(clusters).size,
    effectiveSampleSize: effectiveSampleSize(trajectories),
    zeroSupport,
    positivityViolations: trajectories.filter((trajectory) =>
      trajectory.decisions.some((d) => (d.target > 0 && d.logging === 0) || (d.target < 1 && d.logging === 1)),
    ).length,
    skipped,
  };
}
