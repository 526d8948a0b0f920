import type { Rng } from '@ratchet/stats';
import type { ReducedFronts } from './remove-dominated';
import { SelectionError } from './selection-error';

/**
 * How many fronts each candidate is on, in creation order, leaving out candidates on none.
 *
 * @throws {SelectionError} `nothing-measured` when no front holds a candidate.
 */
function frontCounts(functionName: string, fronts: ReducedFronts): { counts: Map<string, number>; total: number } {
  const counts = new Map<string, number>();
  for (const hash of fronts.candidates) counts.set(hash, 0);
  let total = 0;
  for (const front of fronts.fronts) {
    for (const hash of front.candidates) {
      counts.set(hash, (counts.get(hash) ?? 0) + 1);
      total++;
    }
  }
  if (total === 0) {
    throw new SelectionError({
      functionName,
      problem: 'nothing-measured',
      message: 'no candidate is on any front (no task has a measured score); evaluate a candidate on val first.',
    });
  }
  for (const [hash, count] of counts) if (count === 0) counts.delete(hash);
  return { counts, total };
}

/**
 * The chance `selectParent` draws each candidate: the number of fronts it is on over the total number
 * of front memberships, in creation order; candidates on no front are left out (their chance is 0).
 *
 * @param fronts - fronts after `removeDominated`.
 * @throws {SelectionError} `nothing-measured` when no front holds a candidate.
 * @example
 * // a on 2 fronts, c on 3 (b removed as dominated)
 * parentProbabilities(reduced); // => Map { 'a' => 0.4, 'c' => 0.6 }
 */
export function parentProbabilities(fronts: ReducedFronts): Map<string, number> {
  const { counts, total } = frontCounts('parentProbabilities', fronts);
  return new Map([...counts].map(([hash, count]) => [hash, count / total]));
}

/**
 * GEPA's parent selection (`select_program_candidate_from_pareto_front` in gepa-ai/gepa): draws a
 * candidate with probability proportional to the number of per-instance fronts it is on, after dominated
 * candidates were removed. A candidate that is best on many tasks is tried often, one that is best on a
 * single task is still tried sometimes: exploration without dropping specialists.
 *
 * The draw is one `rng.int(total)` over front memberships laid out in creation order, so it is exact
 * (integer, no float cumulative sums) and the same seed gives the same parent.
 *
 * @param fronts - fronts after `removeDominated` (the type admits nothing else).
 * @param rng - this selection's seeded stream.
 * @throws {SelectionError} `nothing-measured` when no front holds a candidate.
 * @example
 * // a on 2 fronts, c on 3: memberships laid out a, a, c, c, c; createRng(7).int(5) is 4
 * selectParent(reduced, createRng(7)); // => 'c'
 */
export function selectParent(fronts: ReducedFronts, rng: Rng): string {
  const { counts, total } = frontCounts('selectParent', fronts);
  let remaining = rng.int(total);
  let chosen = '';
  for (const [hash, count] of counts) {
    chosen = hash;
    if (remaining < count) break;
    remaining -= count;
  }
  return chosen;
}
