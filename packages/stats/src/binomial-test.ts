import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf';
import binomialPmf from '@stdlib/stats-base-dists-binomial-pmf';
import { InvalidInputError } from './invalid-input-error';
import { type Alternative, assertAlternative, assertCount, assertProbability } from './validate';

// R and scipy count outcomes as "as extreme" when their probability is within this factor of the
// observed one, so floating-point noise does not drop a tied outcome from the two-sided p-value.
const relativeTolerance = 1 + 1e-7;

/**
 * Exact binomial test: the p-value for k successes in n trials under success probability p.
 * Two-sided p sums every outcome no more likely than the observed one (the method of R's
 * `binom.test` and scipy's `binomtest`).
 *
 * Reference: R `binom.test(k, n, p, alternative)`; scipy.stats.binomtest(k, n, p, alternative).pvalue.
 * @param k - successes, an integer in [0, n].
 * @param n - trials, an integer ≥ 1.
 * @param p - success probability under the null, in [0, 1].
 * @throws {InvalidInputError} for non-integer counts, k > n, or p outside [0, 1].
 * @example
 * binomialTest(682, 925, 0.75); // => 0.3824915595236...
 */
export function binomialTest(k: number, n: number, p = 0.5, alternative: Alternative = 'two-sided'): number {
  assertCount('binomialTest', 'n', n, 1);
  assertCount('binomialTest', 'k', k);
  if (k > n) {
    throw new InvalidInputError({
      functionName: 'binomialTest',
      parameter: 'k',
      problem: `must be ≤ n (${n}), received ${k}`,
    });
  }
  assertProbability('binomialTest', 'p', p);
  assertAlternative('binomialTest', alternative);
  if (alternative === 'less') return Math.min(1, binomialCdf(k, n, p));
  if (alternative === 'greater') return Math.min(1, upperTail(k, n, p));

  const observed = binomialPmf(k, n, p);
  const expected = n * p;
  if (k === expected) return 1;
  const limit = observed * relativeTolerance;
  let pValue: number;
  if (k < expected) {
    // Count outcomes in the upper tail that are no more likely than k.
    let count = 0;
    for (let i = Math.ceil(expected); i <= n; i++) if (binomialPmf(i, n, p) <= limit) count++;
    pValue = binomialCdf(k, n, p) + (count > 0 ? upperTail(n - count + 1, n, p) : 0);
  } else {
    let count = 0;
    for (let i = 0; i <= Math.floor(expected); i++) if (binomialPmf(i, n, p) <= limit) count++;
    pValue = (count > 0 ? binomialCdf(count - 1, n, p) : 0) + upperTail(k, n, p);
  }
  return Math.min(1, pValue);
}

/** P(X ≥ k) computed directly (not as 1 − CDF) so tiny tails keep their precision. */
function upperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  const below = binomialCdf(k - 1, n, p);
  if (below < 0.5) return 1 - below;
  let sum = 0;
  for (let i = n; i >= k; i--) sum += binomialPmf(i, n, p);
  return sum;
}
