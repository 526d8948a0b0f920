import type { InstanceFronts } from './instance-fronts';
import { SelectionError } from './selection-error';

/** Instance fronts after `removeDominated`: the only fronts `selectParent` accepts. */
export interface ReducedFronts extends InstanceFronts {
  /** The candidates taken off every front, in the order they were removed. */
  readonly removed: readonly string[];
}

/**
 * GEPA's dominated-program removal (`remove_dominated_programs` in gepa-ai/gepa), so that a candidate
 * whose every best is shared with a survivor does not add weight to parent selection.
 *
 * The reference's "dominated" is coverage, not pairwise Pareto dominance: candidate y is dominated by a
 * set S when every front y is on also holds some member of S (a front holds only candidates tied at the
 * best value of its key, so being on it means "as good as y there"). Different fronts may be covered by
 * different members of S. The rule, exactly:
 *
 * 1. Order the candidates that are on some front by `aggregate` ascending (weakest first).
 * 2. Scan in that order for the first not-yet-removed y such that every front y is on holds another
 *    candidate that is not removed; remove y and restart the scan. Stop when a full scan removes nothing.
 * 3. Return each front without the removed candidates. No front is left empty: y is removed only while
 *    every one of its fronts keeps a survivor.
 *
 * The scan is greedy, so the order matters: among two candidates tied on every key, the one scanned
 * first is removed and the other kept. One departure from the reference: among equal aggregates the
 * reference scans the earliest candidate first (removing it); here the latest is scanned first, so ties
 * go to the earliest candidate as everywhere else in the optimizer (see `ScoreMatrix`). Without
 * `aggregate` every candidate scores alike and only that tie rule orders the scan.
 *
 * @param fronts - the per-instance fronts from `instanceFronts`.
 * @param aggregate - each candidate's aggregate score (such as its mean scalar score on val), higher is
 *   better; must cover every candidate on a front.
 * @throws {SelectionError} `invalid-scores` when `aggregate` lacks a candidate on a front or holds a
 *   NaN or infinite score.
 * @example
 * // t1: {a, b}; t2: {b}. a is covered on t1 by b, so a is removed; b keeps both keys.
 * removeDominated({ candidates: ['a', 'b'], fronts: [t1, t2] }).removed; // => ['a']
 */
export function removeDominated(fronts: InstanceFronts, aggregate?: ReadonlyMap<string, number>): ReducedFronts {
  const created = new Map<string, number>();
  for (const hash of fronts.candidates) if (!created.has(hash)) created.set(hash, created.size);
  const frontsOf = new Map<string, Array<readonly string[]>>();
  for (const front of fronts.fronts) {
    for (const hash of front.candidates) {
      if (!created.has(hash)) created.set(hash, created.size);
      const list = frontsOf.get(hash);
      if (list === undefined) frontsOf.set(hash, [front.candidates]);
      else list.push(front.candidates);
    }
  }

  const scoreOf = (hash: string): number => {
    if (aggregate === undefined) return 0;
    const score = aggregate.get(hash);
    if (score === undefined || !Number.isFinite(score)) {
      throw new SelectionError({
        functionName: 'removeDominated',
        problem: 'invalid-scores',
        message:
          score === undefined
            ? `aggregate has no score for candidate ${hash}, which is on a front; pass every such candidate's aggregate score.`
            : `aggregate score of candidate ${hash} is ${score}; aggregate scores must be finite numbers.`,
      });
    }
    return score;
  };
  const scanOrder = [...frontsOf.keys()]
    .map((hash) => ({ hash, score: scoreOf(hash), index: created.get(hash) as number }))
    .sort((a, b) => a.score - b.score || b.index - a.index)
    .map(({ hash }) => hash);

  const removed: string[] = [];
  const gone = new Set<string>();
  const covered = (y: string): boolean =>
    (frontsOf.get(y) ?? []).every((front) => front.some((other) => other !== y && !gone.has(other)));
  let removedOne = true;
  while (removedOne) {
    removedOne = false;
    for (const y of scanOrder) {
      if (gone.has(y) || !covered(y)) continue;
      gone.add(y);
      removed.push(y);
      removedOne = true;
      break;
    }
  }

  return {
    candidates: fronts.candidates,
    fronts: fronts.fronts.map((front) => ({
      ...front,
      candidates: front.candidates.filter((hash) => !gone.has(hash)),
    })),
    removed,
  };
}
