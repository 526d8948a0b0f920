import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf';
import { assertCount } from './validate';

/** Result of McNemar's exact test. */
export interface McNemarResult {
  /** min(b, c), the smaller discordant count (statsmodels' convention). */
  statistic: number;
  /** Two-sided exact p-value: 2·P(X ≤ min(b, c)) for X ~ Binomial(b + c, ½), capped at 1. */
  pValue: number;
}

/**
 * McNemar's exact test for paired binary outcomes, from the two discordant counts only.
 *
 * Reference: statsmodels.stats.contingency_tables.mcnemar([[a, b], [c, d]], exact=True).
 * @param b - pairs where the first arm succeeded and the second failed.
 * @param c - pairs where the first arm failed and the second succeeded.
 * @throws {InvalidInputError} when a count is not a non-negative integer.
 * @example
 * mcnemarExact(2, 9); // => { statistic: 2, pValue: 0.0654296875 }
 */
export function mcnemarExact(b: number, c: number): McNemarResult {
  assertCount('mcnemarExact', 'b', b);
  assertCount('mcnemarExact', 'c', c);
  const statistic = Math.min(b, c);
  const discordant = b + c;
  const pValue = discordant === 0 ? 1 : Math.min(1, 2 * binomialCdf(statistic, discordant, 0.5));
  return { statistic, pValue };
}
