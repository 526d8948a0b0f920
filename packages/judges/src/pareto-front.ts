import { assertComparable, type ScoreVector } from './compare-objective';
import { dominatesComparable } from './dominates';

/**
 * The non-dominated set: the items no other item dominates (see `dominates` for the rule, nulls
 * included), in input order. Items with equal score vectors do not dominate each other, so all are
 * kept. Quadratic in the number of items.
 *
 * @param items - the candidates (verdicts, cells, arms).
 * @param getScores - reads an item's score vector, such as `(verdict) => verdict.scores`.
 * @throws {IncomparableScoresError} naming the first item whose objectives or directions differ from
 *   the first item's.
 * @example
 * paretoFront(verdicts, (verdict) => verdict.scores);
 * // => the verdicts for which no other is at least as good everywhere and better somewhere
 */
export function paretoFront<T>(items: readonly T[], getScores: (item: T) => ScoreVector): T[] {
  const vectors = items.map(getScores);
  const first = vectors[0];
  if (first === undefined) return [];
  vectors.forEach((vector, index) => {
    assertComparable('paretoFront', first, vector, index);
  });
  return items.filter((_item, i) =>
    vectors.every((other, j) => j === i || !dominatesComparable(other, vectors[i] as ScoreVector)),
  );
}
