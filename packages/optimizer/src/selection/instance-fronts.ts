import type { ObjectiveSpec, ScoreMatrix } from '../score-matrix';
import { assertObjectives, objectiveValue } from './score-values';

/**
 * The candidates with the best value on one key (a task × an objective), read in the objective's
 * direction. Exact ties are all on the front: a front is "who is best here", not "who came first".
 */
export interface InstanceFront {
  readonly taskId: string;
  readonly objective: string;
  /** The best value on this key. */
  readonly best: number;
  /** Hashes of the candidates holding `best`, in creation order. */
  readonly candidates: readonly string[];
}

/** Every key's front, and every candidate of the matrix in creation order (on a front or not). */
export interface InstanceFronts {
  readonly candidates: readonly string[];
  /** Ordered by task id (code-unit order), then by the objective's position in the objective list. */
  readonly fronts: readonly InstanceFront[];
}

/**
 * The per-instance fronts of GEPA (Agrawal et al. 2025, `program_at_pareto_front_valset`), one per task
 * × objective (`cartesian` in the reference; with one objective, its per-task front). Keeping every
 * candidate that is best on some key, instead of only the best on average, keeps the strategies that
 * win on a few tasks alive as parents.
 *
 * Nulls are never on a front (an unmeasured value is not a best value); a key where every value is null
 * has no front. Tasks are sorted by id so the order does not depend on the order evaluations finished in.
 *
 * @param matrix - scores by candidate hash, then task id, then objective name; insertion order = creation order.
 * @param objectives - the objectives to build fronts for, each with its direction.
 * @throws {SelectionError} `invalid-objectives` for an empty or repeated objective list; `invalid-scores`
 *   for a NaN or infinite score.
 * @example
 * const matrix = new Map([
 *   ['a', new Map([['t1', { success: 1 }], ['t2', { success: 0 }]])],
 *   ['b', new Map([['t1', { success: 1 }], ['t2', { success: null }]])],
 * ]);
 * instanceFronts(matrix, [{ name: 'success', direction: 'maximize' }]).fronts;
 * // => [{ taskId: 't1', objective: 'success', best: 1, candidates: ['a', 'b'] },
 * //     { taskId: 't2', objective: 'success', best: 0, candidates: ['a'] }]
 */
export function instanceFronts(matrix: ScoreMatrix, objectives: readonly ObjectiveSpec[]): InstanceFronts {
  assertObjectives('instanceFronts', objectives);
  const candidates = [...matrix.keys()];
  const taskIds = new Set<string>();
  for (const scores of matrix.values()) for (const taskId of scores.keys()) taskIds.add(taskId);

  const fronts: InstanceFront[] = [];
  for (const taskId of [...taskIds].sort(byCodeUnits)) {
    for (const { name, direction } of objectives) {
      let best: number | null = null;
      let holders: string[] = [];
      for (const [hash, scores] of matrix) {
        const value = objectiveValue('instanceFronts', scores.get(taskId), name, `candidate ${hash}, task ${taskId}`);
        if (value === null) continue;
        const better = best === null || (direction === 'maximize' ? value > best : value < best);
        if (better) {
          best = value;
          holders = [hash];
        } else if (value === best) {
          holders.push(hash);
        }
      }
      if (best !== null) fronts.push({ taskId, objective: name, best, candidates: holders });
    }
  }
  return { candidates, fronts };
}

/** Code-unit order: the same on every machine and locale, unlike `localeCompare`. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
