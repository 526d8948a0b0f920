import type { Rng } from '@ratchet/stats';
import { SelectionError } from './selection-error';

/** Where a task falls for two merge parents: the left one scored higher, the right one, or equal. */
export type Stratum = 'left' | 'right' | 'tie';

const strata: readonly Stratum[] = ['left', 'right', 'tie'];

export interface StratifiedSubsample {
  /** The drawn tasks: the left stratum's, then the right's, then the ties', each in draw order. */
  readonly taskIds: readonly string[];
  /** How many tasks were drawn from each stratum. */
  readonly drawn: Readonly<Record<Stratum, number>>;
  /** How many tasks each stratum held. */
  readonly available: Readonly<Record<Stratum, number>>;
}

/**
 * A seeded subsample of val tasks to evaluate a merge on, stratified over where the two parents differ.
 * A merge is meant to keep both parents' strengths, so the subsample holds tasks each parent wins and
 * tasks they tie on, as equal in number as the strata allow (as `select_eval_subsample_for_merged_program`
 * in gepa-ai/gepa): slots go round-robin, left, right, tie, to strata that still have tasks, so with
 * size 5 and full strata the split is 2, 2, 1, and a stratum too small to fill its share hands the rest on.
 *
 * Only tasks both parents have a score on take part. When fewer than `size` do, all of them are
 * returned (no task twice: a repeated task is a replicate, not another pair); `drawn` says how many.
 * Tasks are sorted by id before drawing, so the result depends only on the scores, the size and the seed.
 * Ties are exact equality of the scalars.
 *
 * @param left - the left parent's val scalar per task; null: not measured.
 * @param right - the right parent's.
 * @param size - how many tasks to draw, a positive integer.
 * @param rng - this merge's seeded stream; draws advance it.
 * @throws {SelectionError} `invalid-size` when `size` is not a positive integer; `invalid-scores` for a
 *   NaN or infinite score; `nothing-measured` when no task has a score from both parents.
 * @example
 * stratifiedSubsample(left, right, 5, createRng(1)).drawn; // => { left: 2, right: 2, tie: 1 } when each stratum has ≥ 2
 */
export function stratifiedSubsample(
  left: ReadonlyMap<string, number | null>,
  right: ReadonlyMap<string, number | null>,
  size: number,
  rng: Rng,
): StratifiedSubsample {
  if (!Number.isSafeInteger(size) || size < 1) {
    throw new SelectionError({
      functionName: 'stratifiedSubsample',
      problem: 'invalid-size',
      message: `size is ${size}; pass a positive integer number of tasks to draw.`,
    });
  }
  const byStratum: Record<Stratum, string[]> = { left: [], right: [], tie: [] };
  for (const taskId of [...left.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const l = checked('left', taskId, left.get(taskId));
    const r = checked('right', taskId, right.get(taskId));
    if (l === null || r === null) continue;
    byStratum[l > r ? 'left' : r > l ? 'right' : 'tie'].push(taskId);
  }
  const available = { left: byStratum.left.length, right: byStratum.right.length, tie: byStratum.tie.length };
  if (available.left + available.right + available.tie === 0) {
    throw new SelectionError({
      functionName: 'stratifiedSubsample',
      problem: 'nothing-measured',
      message: 'no task has a score from both parents; evaluate both on val before merging them.',
    });
  }

  const drawn: Record<Stratum, number> = { left: 0, right: 0, tie: 0 };
  let slots = size;
  while (slots > 0 && strata.some((stratum) => drawn[stratum] < available[stratum])) {
    for (const stratum of strata) {
      if (slots > 0 && drawn[stratum] < available[stratum]) {
        drawn[stratum]++;
        slots--;
      }
    }
  }

  const taskIds: string[] = [];
  for (const stratum of strata) taskIds.push(...sampleWithoutReplacement(byStratum[stratum], drawn[stratum], rng));
  return { taskIds, drawn, available };
}

/** A score, or null when absent or unmeasured. */
function checked(side: string, taskId: string, value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isFinite(value)) {
    throw new SelectionError({
      functionName: 'stratifiedSubsample',
      problem: 'invalid-scores',
      message: `the ${side} parent's score on task ${taskId} is ${value}; scores must be finite, or null when not measured.`,
    });
  }
  return value;
}

/** The first `k` of a partial Fisher–Yates shuffle: each k-subset equally likely, in draw order. */
function sampleWithoutReplacement(items: readonly string[], k: number, rng: Rng): string[] {
  const pool = [...items];
  for (let i = 0; i < k; i++) {
    const j = i + rng.int(pool.length - i);
    [pool[i], pool[j]] = [pool[j] as string, pool[i] as string];
  }
  return pool.slice(0, k);
}
