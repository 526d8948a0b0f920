import { paretoFront, type ScoreVector } from '@ratchet/judges';
import type { ObjectiveSpec, ScoreMatrix } from '../score-matrix';
import { assertObjectives, objectiveValue } from './score-values';

/** A candidate's mean per objective over the tasks it was measured on; null where it never was. */
export interface CandidatePoint {
  readonly hash: string;
  readonly means: Readonly<Record<string, number | null>>;
}

/**
 * Each candidate's mean per objective over its tasks, in creation order. A null score is left out of
 * the mean (no silent zero); an objective with no measured value has a null mean.
 *
 * @throws {SelectionError} `invalid-objectives` for an empty or repeated objective list; `invalid-scores`
 *   for a NaN or infinite score.
 * @example
 * candidateMeans(new Map([['a', new Map([['t1', { success: 1 }], ['t2', { success: null }], ['t3', { success: 0 }]])]]),
 *   [{ name: 'success', direction: 'maximize' }]);
 * // => [{ hash: 'a', means: { success: 0.5 } }]
 */
export function candidateMeans(matrix: ScoreMatrix, objectives: readonly ObjectiveSpec[]): CandidatePoint[] {
  assertObjectives('candidateMeans', objectives);
  return [...matrix].map(([hash, byTask]) => {
    const means: Record<string, number | null> = {};
    for (const { name } of objectives) {
      let sum = 0;
      let n = 0;
      for (const [taskId, scores] of byTask) {
        const value = objectiveValue('candidateMeans', scores, name, `candidate ${hash}, task ${taskId}`);
        if (value === null) continue;
        sum += value;
        n++;
      }
      means[name] = n === 0 ? null : sum / n;
    }
    return { hash, means };
  });
}

/**
 * The candidate-level Pareto front: the candidates whose vector of objective means no other candidate
 * dominates (at least as good on every objective, strictly better on one; `dominates` of
 * @ratchet/judges, nulls included: a null mean can be neither better nor worse than a measured one).
 * This is the trade-off set a user picks from, unlike the per-instance fronts, which keep whoever is best
 * on any single key: a candidate best on no objective can be on this front, and one best on a key can be off it.
 *
 * Candidates with no measured value at all are left out: there is nothing to place on a front. Means are
 * over each candidate's own tasks, so pass a matrix of the tasks every candidate ran for a like-for-like front.
 *
 * @param matrix - scores by candidate hash, then task id, then objective name; insertion order = creation order.
 * @param objectives - the objectives of the vector, each with its direction.
 * @returns the non-dominated candidates with their means, in creation order.
 * @throws {SelectionError} `invalid-objectives` for an empty or repeated objective list; `invalid-scores`
 *   for a NaN or infinite score.
 * @example
 * // means a (0.9 success, $10), b (0.5, $1), c (0.7, $5), d (0.6, $6); d is dominated by c
 * candidateParetoFront(matrix, [{ name: 'success', direction: 'maximize' }, { name: 'usd', direction: 'minimize' }])
 *   .map((point) => point.hash); // => ['a', 'b', 'c']
 */
export function candidateParetoFront(matrix: ScoreMatrix, objectives: readonly ObjectiveSpec[]): CandidatePoint[] {
  const measured = candidateMeans(matrix, objectives).filter((point) =>
    Object.values(point.means).some((mean) => mean !== null),
  );
  const vectorOf = (point: CandidatePoint): ScoreVector =>
    Object.fromEntries(
      objectives.map(({ name, direction }) => [name, { value: point.means[name] ?? null, direction }]),
    );
  return paretoFront(measured, vectorOf);
}
