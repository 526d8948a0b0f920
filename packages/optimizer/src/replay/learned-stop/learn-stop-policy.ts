import type { Corpus } from '@ratchet/corpus';
import { OptimizerError } from '../../optimizer-error';
import { type LoggedArm, loadLoggedArm } from '../logged-arm';
import type { StopPolicy } from '../stop-policy';
import { type AttemptEquivalent, attemptEquivalentOf } from './attempt-equivalent';
import { type DecisionPoint, decisionPoints } from './decision-points';
import { fitLogistic } from './fit-logistic';
import { type LearnedStop, learnedStopPolicy } from './learned-stop-model';
import { stopFeatureNames } from './stop-features';
import { type ThresholdPoint, thresholdCurve } from './threshold-curve';

export interface LearnStopOptions {
  /** λ: the success (0–1) one attempt-equivalent of spend is worth; the threshold maximises success − λ × spend. */
  readonly cost: number;
  /** Only these runs (default every run in the corpus). */
  readonly runs?: readonly string[];
  /** Only runs of these benchmarks (default all). */
  readonly benchmarks?: readonly string[];
  /** Only arms with these ids (default every arm with k > 1). */
  readonly arms?: readonly string[];
  /** L2 penalty on the feature weights (default 1). */
  readonly ridge?: number;
  /** Thresholds tried on the replay at most (default 200, spread over the model's estimates). */
  readonly maxThresholds?: number;
}

export interface LearnedStopResult {
  /** The policy, ready for `withStopPolicy` or `replayStop`. */
  readonly policy: StopPolicy;
  /** The same policy as plain JSON, with its provenance: store it, reload it with `learnedStopPolicy(parseLearnedStop(json))`. */
  readonly model: LearnedStop;
  /** The training replay at every threshold tried, lowest first. */
  readonly curve: readonly ThresholdPoint[];
}

const splits = ['train', 'val'] as const;

/**
 * Learns one stop policy from a whole corpus, across benchmarks: the stop/topology part of a controller
 * that can transfer between families because it reads only scale-free features of a cell's history
 * (`stopFeatures`). Two steps, both on train and val cells only (holdout cells and their records are
 * never fetched, docs/design.md rule 1):
 *
 * 1. A ridge logistic regression (`fitLogistic`) of "going on turns this unsolved cell into a solved
 *    one" on the features of every decision point (`decisionPoints`; labels from train/val verdicts).
 *    Benchmarks weigh equally, whatever their number of decision points.
 * 2. The threshold on the model's estimate that maximises success − cost × spend on the exact replay
 *    (`replayLogged`) of every arm read, each benchmark's spend in attempt-equivalents
 *    (`attemptEquivalentOf`), the benchmarks averaged with equal weight. Ties go to the lower threshold
 *    (stopping less). Threshold 0 is "stop on a check pass only" (the dsl and sat controllers' own
 *    rule) and is always tried, so on the training replay the policy is never worse than that rule.
 *
 * The policy stops once every check of the last attempt passes, or once the estimate falls below the
 * threshold; at run time it sees views only, never a verdict. Deterministic: the same corpus gives the
 * same policy.
 *
 * @throws {OptimizerError} when cost is not a finite number ≥ 0, or no arm read has a decision point to learn from.
 * @example
 * const { policy, model } = await learnStopPolicy(corpus, { cost: 0.05 });
 * refine(4, { controller: withStopPolicy(controller, policy) });
 * writeFileSync('stop.json', JSON.stringify(model));
 */
export async function learnStopPolicy(corpus: Corpus, options: LearnStopOptions): Promise<LearnedStopResult> {
  if (!Number.isFinite(options.cost) || options.cost < 0) {
    throw new OptimizerError(`learnStopPolicy: cost must be a finite number ≥ 0, received ${options.cost}`);
  }
  const ridge = options.ridge ?? 1;
  const arms = await readArms(corpus, options);
  const benchmarks = [...new Set(arms.map((arm) => arm.benchmark))].sort();
  const units = new Map<string, AttemptEquivalent>(
    benchmarks.map((benchmark) => [benchmark, attemptEquivalentOf(arms.filter((arm) => arm.benchmark === benchmark))]),
  );
  const points: DecisionPoint[] = [];
  const unjudged = new Map<string, number>();
  for (const arm of arms) {
    const found = decisionPoints(arm);
    points.push(...found.points);
    unjudged.set(arm.benchmark, (unjudged.get(arm.benchmark) ?? 0) + found.unjudged);
  }
  if (points.length === 0) {
    throw new OptimizerError(
      `learnStopPolicy: no decision point in ${arms.length} arm(s) of train/val cells (every cell ended at its first attempt, or none was judged); run arms with k > 1 and the oracle on`,
    );
  }
  const perBenchmark = new Map<string, number>();
  for (const point of points) perBenchmark.set(point.benchmark, (perBenchmark.get(point.benchmark) ?? 0) + 1);
  const present = perBenchmark.size;
  const fit = fitLogistic(
    points.map((point) => stopFeatureNames.map((name) => point.features[name])),
    points.map((point) => (point.gain ? 1 : 0)),
    points.map((point) => points.length / (present * (perBenchmark.get(point.benchmark) as number))),
    ridge,
  );
  const weights = Object.fromEntries(
    stopFeatureNames.map((name, j) => [name, fit.weights[j] as number]),
  ) as LearnedStop['weights'];
  const curve = thresholdCurve({
    arms,
    units,
    cost: options.cost,
    intercept: fit.intercept,
    weights,
    points,
    maxThresholds: options.maxThresholds ?? 200,
  });
  const best = curve.reduce((top, point) => (point.objective > top.objective + 1e-12 ? point : top));
  const model: LearnedStop = {
    kind: 'learned-stop',
    version: 1,
    intercept: fit.intercept,
    weights,
    threshold: best.threshold,
    cost: options.cost,
    ridge,
    training: { success: best.success, spend: best.spend, objective: best.objective },
    provenance: {
      splits: [...splits],
      runs: arms.map((arm) => ({
        runId: arm.runId,
        armId: arm.armId,
        benchmark: arm.benchmark,
        k: arm.k,
        cellIds: arm.cells.map((cell) => cell.cellId),
      })),
      benchmarks: benchmarks.map((benchmark) => {
        const mine = points.filter((point) => point.benchmark === benchmark);
        return {
          benchmark,
          cells: arms.filter((arm) => arm.benchmark === benchmark).reduce((sum, arm) => sum + arm.cells.length, 0),
          decisionPoints: mine.length,
          positives: mine.filter((point) => point.gain).length,
          unjudged: unjudged.get(benchmark) ?? 0,
          ...(units.get(benchmark) as AttemptEquivalent),
        };
      }),
    },
  };
  return { policy: learnedStopPolicy(model), model, curve };
}

/** Every chosen arm of every chosen run, train and val cells only, in run then arm order. */
async function readArms(corpus: Corpus, options: LearnStopOptions): Promise<LoggedArm[]> {
  const runs = (await corpus.runs())
    .filter((run) => options.runs === undefined || options.runs.includes(run.runId))
    .filter((run) => options.benchmarks === undefined || options.benchmarks.includes(run.benchmark))
    .sort((a, b) => a.runId.localeCompare(b.runId));
  const arms: LoggedArm[] = [];
  for (const run of runs) {
    for (const spec of [...run.arms].sort((a, b) => a.armId.localeCompare(b.armId))) {
      if (options.arms === undefined ? spec.k < 2 : !options.arms.includes(spec.armId)) continue;
      const arm = await loadLoggedArm(corpus, { runId: run.runId, armId: spec.armId, splits });
      if (arm.cells.length > 0) arms.push(arm);
    }
  }
  return arms;
}
