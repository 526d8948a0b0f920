import type { Candidate } from '../candidate';
import { changedComponents } from './changed-components';

/** Two candidates to merge and their nearest common ancestor. */
export interface MergePair {
  readonly left: Candidate;
  readonly right: Candidate;
  readonly ancestor: Candidate;
}

/** Every known ancestor of a candidate with its distance in generations (nearest path through `parents`). */
function ancestry(candidate: Candidate, byHash: ReadonlyMap<string, Candidate>): Map<string, number> {
  const distances = new Map<string, number>();
  let frontier = [candidate];
  for (let distance = 1; frontier.length > 0; distance++) {
    const next: Candidate[] = [];
    for (const child of frontier) {
      for (const hash of child.parents) {
        const parent = byHash.get(hash);
        if (parent === undefined || distances.has(hash) || hash === candidate.hash) continue;
        distances.set(hash, distance);
        next.push(parent);
      }
    }
    frontier = next;
  }
  return distances;
}

/**
 * The pairs worth merging, GEPA's way: two candidates with a common ancestor, neither an ancestor of
 * the other, each having changed (from that ancestor) a component the other did not — so the merge
 * differs from both. The ancestor is the nearest common one: least summed distance, ties to the one
 * made later (latest in `candidates`), which carries more of the shared history.
 *
 * Changes are compared by value, not read from `Candidate.changed` (which is relative to the first
 * parent only). Lineage runs through `parents` among the given candidates; a parent not given ends it.
 * Pairs come in the candidates' order: left before right, by left's position, then right's.
 *
 * @example
 * findMergePairs([baseline, x, y]); // => [{ left: x, right: y, ancestor: baseline }] when x and y edited different components
 */
export function findMergePairs(candidates: readonly Candidate[]): MergePair[] {
  const byHash = new Map<string, Candidate>();
  const order = new Map<string, number>();
  for (const [index, candidate] of candidates.entries()) {
    if (!byHash.has(candidate.hash)) byHash.set(candidate.hash, candidate);
    order.set(candidate.hash, index);
  }
  const unique = [...byHash.values()];
  const ancestries = new Map(unique.map((candidate) => [candidate.hash, ancestry(candidate, byHash)]));
  const pairs: MergePair[] = [];
  for (const [i, left] of unique.entries()) {
    const fromLeft = ancestries.get(left.hash) as Map<string, number>;
    for (const right of unique.slice(i + 1)) {
      const fromRight = ancestries.get(right.hash) as Map<string, number>;
      if (fromLeft.has(right.hash) || fromRight.has(left.hash)) continue;
      let nearest: string | undefined;
      let best = Number.POSITIVE_INFINITY;
      for (const [hash, distance] of fromLeft) {
        const other = fromRight.get(hash);
        if (other === undefined) continue;
        const sum = distance + other;
        const later = nearest !== undefined && (order.get(hash) ?? 0) > (order.get(nearest) ?? 0);
        if (sum < best || (sum === best && later)) {
          best = sum;
          nearest = hash;
        }
      }
      const ancestor = nearest === undefined ? undefined : byHash.get(nearest);
      if (ancestor === undefined) continue;
      const base = ancestor.controller.parameters;
      const leftChanges = changedComponents(base, left.controller.parameters);
      const rightChanges = changedComponents(base, right.controller.parameters);
      const leftOwn = leftChanges.some((component) => !rightChanges.includes(component));
      const rightOwn = rightChanges.some((component) => !leftChanges.includes(component));
      if (leftOwn && rightOwn) pairs.push({ left, right, ancestor });
    }
  }
  return pairs;
}
