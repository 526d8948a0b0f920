import { createHash } from 'node:crypto';
import { type Corpus, canonicalJson, type JsonValue, type ObjectiveSpec, type OptimizerSpend } from '@ratchet/corpus';
import type { Controller, Task } from '@ratchet/runtime';
import { createRng, type Seed } from '@ratchet/stats';
import { BudgetMeter, BudgetTooSmallError } from './budget';
import { Evaluator } from './evaluation/evaluator';
import { defaultObjectives, evaluationKey } from './gepa/gepa-options';
import { OptimizerError } from './optimizer-error';
import { uniformParameters } from './proposers/uniform-parameters';
import type { Scalarization } from './score-matrix';
import type { CandidatePlan, SearchFamily } from './search-family';
import { meanScalar } from './selection/scalarize';

export interface RandomSearchOptions {
  readonly corpus: Corpus;
  readonly family: SearchFamily;
  readonly benchmark: string;
  readonly baseline: Controller;
  readonly plan: CandidatePlan;
  readonly val: readonly Task[];
  /** New cells it may run: the baseline on val first, then one sample on val at a time while one fits. */
  readonly budget: { readonly cells: number };
  readonly seed: Seed;
  readonly familyConfig?: JsonValue;
  readonly replicates?: number;
  readonly objectives?: readonly ObjectiveSpec[];
  readonly scalarization?: Scalarization;
  readonly concurrency?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: { samples: number; bestVal: number; spend: OptimizerSpend }) => void;
}

export interface RandomSearchResult {
  readonly searchId: string;
  readonly best: Controller;
  readonly bestVal: number;
  /** Every controller scored on val, the baseline first, with the cells spent once it was scored. */
  readonly tried: ReadonlyArray<{ readonly controller: Controller; readonly valScore: number; readonly cells: number }>;
  readonly spend: OptimizerSpend;
}

/**
 * Random search over a controller's space: the baseline, then parameters drawn uniformly from the
 * schema's bounds (`uniformParameters`), each scored on all of val, until the next one would not fit the
 * cell budget; the best mean val score wins, ties to the earliest. The control an optimizer must beat at
 * equal cells. Cells are read from the corpus when already recorded under the same evaluation key.
 *
 * @throws {BudgetTooSmallError} when the budget cannot score the baseline and one sample.
 */
export async function randomSearch(options: RandomSearchOptions): Promise<RandomSearchResult> {
  if (options.val.length === 0) throw new OptimizerError('randomSearch: give at least one val task');
  const replicates = options.replicates ?? 1;
  const objectives = options.objectives ?? defaultObjectives;
  const weights = options.scalarization ?? { success: 1 };
  const seed = String(options.seed);
  const perSample = options.val.length * replicates;
  if (options.budget.cells < 2 * perSample) {
    throw new BudgetTooSmallError(
      2 * perSample,
      options.budget.cells,
      `the baseline and one sample on ${options.val.length} val tasks × ${replicates} replicate(s)`,
    );
  }
  const searchId = `rand-${createHash('sha256')
    .update(
      canonicalJson({
        benchmark: options.benchmark,
        family: options.familyConfig ?? null,
        baseline: options.baseline.hash,
        val: options.val.map((task) => task.id),
        budget: options.budget.cells,
        seed,
        replicates,
      }),
    )
    .digest('hex')
    .slice(0, 16)}`;
  const meter = new BudgetMeter({ cells: options.budget.cells });
  const evaluator = await Evaluator.open(
    {
      corpus: options.corpus,
      family: options.family,
      benchmark: options.benchmark,
      plan: options.plan,
      evaluationKey: evaluationKey(options, { replicates, seed }),
      seed,
      replicates,
      runPrefix: `${searchId}/`,
      config: { randomSearch: searchId },
      readChecks: objectives.some((objective) => objective.name === 'checks'),
      ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    },
    meter,
  );
  const taskIds = options.val.map((task) => task.id);
  const tried: Array<{ controller: Controller; valScore: number; cells: number }> = [];
  const random = createRng(seed).fork('random-search');
  const seen = new Set<string>();
  // A small space runs out of new controllers: stop after this many draws in a row found nothing new.
  let repeats = 0;
  for (let sample = 0; repeats < 100; sample++) {
    let controller = options.baseline;
    if (sample > 0) {
      const parameters = uniformParameters(
        options.baseline.schema,
        options.baseline.parameters,
        random.fork(`sample/${sample}`),
      );
      if (parameters === null) break;
      controller = options.baseline.withParameters(parameters);
    }
    if (seen.has(controller.hash)) {
      repeats++;
      continue;
    }
    repeats = 0;
    seen.add(controller.hash);
    const evaluation = await evaluator.evaluate(controller, options.val, `sample-${sample}`, objectives);
    if (evaluation.kind !== 'scored') break;
    const valScore = meanScalar(evaluation.scores, taskIds, objectives, weights) ?? 0;
    tried.push({ controller, valScore, cells: meter.spend.cells });
    const best = tried.reduce((a, b) => (b.valScore > a.valScore ? b : a));
    options.onProgress?.({ samples: tried.length, bestVal: best.valScore, spend: meter.spend });
  }
  const best = tried.reduce((a, b) => (b.valScore > a.valScore ? b : a));
  return { searchId, best: best.controller, bestVal: best.valScore, tried, spend: meter.spend };
}
