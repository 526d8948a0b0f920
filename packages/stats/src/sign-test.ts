import { binomialTest } from './binomial-test';
import { type Alternative, assertAlternative, assertFiniteSample, type NumericArray } from './validate';

/** Result of the sign test. */
export interface SignTestResult {
  /** Number of positive differences. */
  positives: number;
  /** Number of negative differences. */
  negatives: number;
  /** Zero differences, which carry no sign and are left out of the test. */
  ties: number;
  /** Exact binomial p-value of `positives` out of `positives + negatives` at ½ (1 when all are ties). */
  pValue: number;
}

/**
 * Exact sign test on paired differences (candidate − baseline): are positive differences more (or less)
 * common than negative ones? Zeros are dropped, as in the classical test.
 *
 * Reference: R `binom.test(sum(d > 0), sum(d != 0))`; scipy.stats.binomtest on the same counts.
 * @param differences - finite paired differences.
 * @param alternative - 'greater' asks whether positives dominate.
 * @throws {InvalidInputError} when a difference is not finite.
 * @example
 * signTest([1, 2, -1, 3, 0, 4, 5]); // => { positives: 5, negatives: 1, ties: 1, pValue: 0.21875 }
 */
export function signTest(differences: NumericArray, alternative: Alternative = 'two-sided'): SignTestResult {
  assertFiniteSample('signTest', 'differences', differences, 0);
  assertAlternative('signTest', alternative);
  let positives = 0;
  let negatives = 0;
  for (let i = 0; i < differences.length; i++) {
    const d = differences[i] as number;
    if (d > 0) positives++;
    else if (d < 0) negatives++;
  }
  const ties = differences.length - positives - negatives;
  const n = positives + negatives;
  const pValue = n === 0 ? 1 : binomialTest(positives, n, 0.5, alternative);
  return { positives, negatives, ties, pValue };
}
