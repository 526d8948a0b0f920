import { SplitOverlapError } from '@ratchet/runtime';
import { type GateOutcome, gate } from './gate/gate';
import { assertHoldoutUnspent, type Holdout } from './gate/holdout-ledger';
import type { SequentialGateSettings } from './gate/sequential-decision';
import { type GepaResult, gepa } from './gepa/gepa';
import type { GepaOptions } from './gepa/gepa-options';
import type { SearchFamily } from './search-family';

export interface ImproveOptions extends Omit<GepaOptions, 'train' | 'val'> {
  /** Train (minibatches), val (selection) and the frozen holdout (the gate): they must not overlap. */
  readonly splits: {
    readonly train: GepaOptions['train'];
    readonly val: GepaOptions['val'];
    readonly holdout: Holdout;
  };
  /**
   * The gate's settings: confidence (0.95), the lift the interval must clear (0), the evidence floor, and
   * `sequential` to stop early on the holdout (default: the fixed-n gate on every holdout item).
   */
  readonly gate?: {
    readonly confidence?: number;
    readonly threshold?: number;
    readonly minPairs?: number;
    readonly sequential?: SequentialGateSettings;
  };
  /**
   * The family that runs the holdout's tasks, when they come from another draw than train and val (a rotated
   * holdout of a generated family: another seed, another environment); default `family`.
   */
  readonly gateFamily?: SearchFamily;
}

export interface ImproveResult {
  readonly search: GepaResult;
  /** The gate's decision; null when the search kept the baseline (nothing to decide, no holdout item spent). */
  readonly gate: GateOutcome | null;
  readonly promoted: boolean;
  /** One sentence: what was found and what the gate decided. */
  readonly summary: string;
}

/**
 * The outer loop's one turn: search on train and val with `gepa`, then spend the holdout once through
 * the gate on the search's best candidate. Refuses, before anything runs, splits that overlap (rule 6)
 * and a holdout already spent for this baseline (the ledger), so a search is never paid for when its
 * result could not be judged.
 *
 * @throws {SplitOverlapError}, {HoldoutSpentError}, and whatever `gepa` and `gate` throw.
 */
export async function improve(options: ImproveOptions): Promise<ImproveResult> {
  const { train, val, holdout } = options.splits;
  const roles = new Map<string, string[]>();
  for (const [role, tasks] of [
    ['train', train],
    ['val', val],
    ['holdout', holdout.tasks],
  ] as const) {
    for (const task of tasks) roles.set(task.id, [...(roles.get(task.id) ?? []), role]);
  }
  const overlaps = [...roles].filter(([, splits]) => splits.length > 1).map(([taskId, splits]) => ({ taskId, splits }));
  if (overlaps.length > 0) throw new SplitOverlapError('improve', overlaps);
  await assertHoldoutUnspent(options.corpus, options.benchmark, holdout.key, options.baseline.hash);

  const search = await gepa({ ...options, train, val });
  if (search.stop.reason === 'signal') {
    return {
      search,
      gate: null,
      promoted: false,
      summary: `the search was interrupted after ${search.iterations.length} iterations; run it again to resume`,
    };
  }
  if (search.best.hash === options.baseline.hash) {
    return {
      search,
      gate: null,
      promoted: false,
      summary: `no candidate beat the baseline on val in ${search.iterations.length} iterations (${search.spend.cells} cells); the holdout was not spent`,
    };
  }
  const outcome = await gate({
    corpus: options.corpus,
    family: options.gateFamily ?? options.family,
    benchmark: options.benchmark,
    plan: options.plan,
    incumbent: options.baseline,
    candidate: search.best.controller,
    holdout,
    searchedOn: [...train, ...val].map((task) => task.id),
    optimizationId: search.optimizationId,
    seed: options.seed,
    ...(options.replicates === undefined ? {} : { replicates: options.replicates }),
    ...(options.gate?.confidence === undefined ? {} : { confidence: options.gate.confidence }),
    ...(options.gate?.threshold === undefined ? {} : { threshold: options.gate.threshold }),
    ...(options.gate?.minPairs === undefined ? {} : { minPairs: options.gate.minPairs }),
    ...(options.gate?.sequential === undefined ? {} : { sequential: options.gate.sequential }),
    ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  return {
    search,
    gate: outcome,
    promoted: outcome.decision.promoted,
    summary: `candidate ${search.best.hash} (val ${search.bestVal.toFixed(3)}) ${outcome.decision.promoted ? 'was promoted' : 'was not promoted'}: ${outcome.decision.explanation}`,
  };
}
