import type { LoggedArm } from '../logged-arm';
import { replayLogged } from '../replay-stop';
import { type AttemptEquivalent, spendOf } from './attempt-equivalent';
import type { DecisionPoint } from './decision-points';
import { continueProbability, type LearnedStop, learnedStopPolicy } from './learned-stop-model';

/** The training replay of one threshold. */
export interface ThresholdPoint {
  readonly threshold: number;
  /** Mean success over benchmarks (each benchmark's mean over its replayed cells). */
  readonly success: number;
  /** Mean spend in attempt-equivalents, averaged the same way. */
  readonly spend: number;
  /** success − cost × spend. */
  readonly objective: number;
  readonly benchmarks: ReadonlyArray<{ benchmark: string; success: number; spend: number; cells: number }>;
}

/**
 * The thresholds worth trying: 0 (stop on a check pass only), 1 (stop after every attempt), and the
 * midpoints between consecutive distinct estimates at the decision points, so that each tried
 * threshold splits the points differently; at most `max`, spread evenly over the estimates' ranks.
 */
export function candidateThresholds(estimates: readonly number[], max: number): number[] {
  const distinct = [...new Set(estimates)].sort((a, b) => a - b);
  const midpoints = distinct.slice(1).map((value, i) => ((distinct[i] as number) + value) / 2);
  const room = Math.max(0, max - 2);
  const picked =
    midpoints.length <= room
      ? midpoints
      : Array.from(
          { length: room },
          (_, i) => midpoints[Math.round((i * (midpoints.length - 1)) / Math.max(1, room - 1))] as number,
        );
  return [...new Set([0, ...picked, 1])].sort((a, b) => a - b);
}

/**
 * Replays every arm under the learned model at each candidate threshold (exact: `replayLogged`) and
 * scores success − cost × spend, benchmarks weighted equally. Censored and unjudged cells are left out
 * of a benchmark's means, as in `replayStop`.
 */
export function thresholdCurve(input: {
  readonly arms: readonly LoggedArm[];
  readonly units: ReadonlyMap<string, AttemptEquivalent>;
  readonly cost: number;
  readonly intercept: number;
  readonly weights: LearnedStop['weights'];
  readonly points: readonly DecisionPoint[];
  readonly maxThresholds: number;
}): ThresholdPoint[] {
  const model = { intercept: input.intercept, weights: input.weights };
  const estimates = input.points.map((point) => continueProbability(model, point.features));
  return candidateThresholds(estimates, input.maxThresholds).map((threshold) => {
    const policy = learnedStopPolicy({ ...model, threshold });
    const totals = new Map<string, { solved: number; spend: number; cells: number }>();
    for (const arm of input.arms) {
      const unit = input.units.get(arm.benchmark) as AttemptEquivalent;
      const total = totals.get(arm.benchmark) ?? { solved: 0, spend: 0, cells: 0 };
      for (const cell of replayLogged(arm, policy).cells) {
        if (cell.status !== 'replayed') continue;
        total.solved += cell.resolved ? 1 : 0;
        total.spend += spendOf(cell, unit);
        total.cells += 1;
      }
      totals.set(arm.benchmark, total);
    }
    const benchmarks = [...totals.entries()]
      .filter(([, total]) => total.cells > 0)
      .map(([benchmark, total]) => ({
        benchmark,
        success: total.solved / total.cells,
        spend: total.spend / total.cells,
        cells: total.cells,
      }));
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
    const success = mean(benchmarks.map((one) => one.success));
    const spend = mean(benchmarks.map((one) => one.spend));
    return { threshold, success, spend, objective: success - input.cost * spend, benchmarks };
  });
}
