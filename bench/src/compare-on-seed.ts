import { type IterationRecord, openCorpus } from '@ratchet/corpus';
import {
  defaultAcceptance,
  defaultObjectives,
  gepa,
  meanScalar,
  parametricProposer,
  randomSearch,
} from '@ratchet/optimizer';
import { type Controller, type FamilyInstance, refine } from '@ratchet/runtime';
import { cellsToReach, type ValPoint } from './cells-to-reach';
import { holdoutOutcomes, type TaskOutcomes } from './holdout-outcomes';

/** A family as the optimizer comparison runs it: its options for one seed, and how to make it. */
export interface OptimizerFamily {
  readonly name: string;
  /** The family's options for seed s: the same seed draws the same tasks. */
  options(seed: number): { readonly count: number; readonly seed: number };
  create(seed: number, threads: number): FamilyInstance;
}

/** One method's pick on one seed: its val score, the new cells its search spent, its holdout outcomes. */
export interface MethodOutcome {
  readonly controller: Controller;
  readonly bestVal: number;
  readonly cells: number;
  readonly holdout: TaskOutcomes;
}

/** What became of GEPA's children on their minibatches. */
export interface ChildCounts {
  /** Children run on a minibatch (the rest were invalid or repeated proposals, which cost nothing). */
  readonly run: number;
  /** Children whose minibatch sum was above their parent's: what the reference's strict rule would accept. */
  readonly ahead: number;
  /** Children run against a parent that solved none of the minibatch: the only case a 3-task sign test can accept. */
  readonly parentSolvedNone: number;
  readonly accepted: number;
}

export interface SeedComparison {
  readonly seed: number;
  readonly default: MethodOutcome;
  readonly random: MethodOutcome & { readonly samples: number };
  readonly gepa: MethodOutcome & { readonly iterations: number; readonly stop: string; readonly children: ChildCounts };
  /** The cells at which GEPA's best val first reached random search's final best val; null when never. */
  readonly cellsToReach: number | null;
  readonly seconds: { readonly random: number; readonly gepa: number; readonly holdout: number };
}

/** New cells each search may run, the baseline's val scores included. */
export const cellBudget = 240;
/** Every candidate runs as refine@4 with the family's controller. */
const plan = (controller: Controller) => refine(4, { controller });
const concurrency = 4;

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

function childCounts(iterations: readonly IterationRecord[]): ChildCounts {
  const run = iterations.flatMap((record) => (record.acceptance ? [record.acceptance] : []));
  return {
    run: run.length,
    ahead: run.filter(({ parent, child }) => sum(child) > sum(parent)).length,
    parentSolvedNone: run.filter(({ parent }) => sum(parent) === 0).length,
    accepted: iterations.filter((record) => record.outcome === 'accepted').length,
  };
}

const secondsSince = (start: number) => (performance.now() - start) / 1000;

/**
 * One seed of the optimizer comparison on one family: random search and GEPA (parametric proposer,
 * minibatch 3, the default acceptance, no merge) each from the family's default controller with the
 * same cell budget on the seed's val split, each in a corpus of its own so neither reads the other's
 * cells; then the default and both picks run once on the holdout split (measurement, not a gate).
 */
export async function compareOnSeed(
  family: OptimizerFamily,
  seed: number,
  threads: number,
  onProgress: (message: string) => void,
): Promise<SeedComparison> {
  const instance = family.create(seed, threads);
  try {
    const [train, val, holdout] = await Promise.all(
      (['train', 'val', 'holdout'] as const).map((split) => instance.environment.tasks(split)),
    );
    const baseline = instance.controller('default');
    const common = {
      family: instance,
      benchmark: `bench-optimizer-${family.name}`,
      familyConfig: { family: family.name, ...family.options(seed) },
      baseline,
      plan,
      val,
      seed,
      concurrency,
      budget: { cells: cellBudget },
    };
    const label = `${family.name} seed ${seed}`;

    let started = performance.now();
    const randomCorpus = await openCorpus('sqlite::memory:');
    const random = await randomSearch({
      ...common,
      corpus: randomCorpus,
      onProgress: ({ samples, bestVal, spend }) =>
        onProgress(
          `${label}: random search, ${samples} controllers, ${spend.cells}/${cellBudget} cells, best val ${bestVal.toFixed(2)}`,
        ),
    }).finally(() => randomCorpus.close());
    const randomSeconds = secondsSince(started);

    started = performance.now();
    const gepaCorpus = await openCorpus('sqlite::memory:');
    const search = await gepa({
      ...common,
      corpus: gepaCorpus,
      train,
      proposer: parametricProposer(),
      acceptance: defaultAcceptance,
      minibatch: 3,
      replicates: 1,
      merge: false,
      onProgress: ({ iteration, best, spend }) =>
        onProgress(
          `${label}: GEPA iteration ${iteration}, ${spend.cells}/${cellBudget} cells, best val ${best.valScore.toFixed(2)}`,
        ),
    }).finally(() => gepaCorpus.close());
    const gepaSeconds = secondsSince(started);

    const baselineScores = search.val.get(baseline.hash);
    const baselineVal = baselineScores
      ? (meanScalar(
          baselineScores,
          val.map((task) => task.id),
          defaultObjectives,
        ) ?? 0)
      : 0;
    // The curve starts once the baseline is scored on val: its cells are the first the search spends.
    const curve: ValPoint[] = [
      { cells: val.length, valScore: baselineVal },
      ...search.iterations.map((record) => ({ cells: record.total.cells, valScore: record.best.valScore })),
    ];

    started = performance.now();
    onProgress(`${label}: the default and both picks on ${holdout.length} holdout tasks`);
    const picks = [baseline, random.best, search.best.controller];
    const outcomes = await holdoutOutcomes(
      instance,
      plan,
      picks,
      holdout,
      `bench/optimizer/${family.name}/${seed}/holdout`,
    );
    const holdoutOf = (controller: Controller) => outcomes.get(controller.hash) ?? new Map();
    return {
      seed,
      default: {
        controller: baseline,
        bestVal: random.tried[0]?.valScore ?? baselineVal,
        cells: 0,
        holdout: holdoutOf(baseline),
      },
      random: {
        controller: random.best,
        bestVal: random.bestVal,
        cells: random.spend.cells,
        holdout: holdoutOf(random.best),
        samples: random.tried.length,
      },
      gepa: {
        controller: search.best.controller,
        bestVal: search.bestVal,
        cells: search.spend.cells,
        holdout: holdoutOf(search.best.controller),
        iterations: search.iterations.length,
        stop: search.stop.reason,
        children: childCounts(search.iterations),
      },
      cellsToReach: cellsToReach(curve, random.bestVal),
      seconds: { random: randomSeconds, gepa: gepaSeconds, holdout: secondsSince(started) },
    };
  } finally {
    await instance.close();
  }
}
