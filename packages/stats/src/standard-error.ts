import { sampleStandardDeviation } from 'simple-statistics';
import { assertFiniteSample, type NumericArray } from './validate';

/**
 * Standard error of the mean, s/√n, with the sample standard deviation (n − 1 denominator).
 *
 * Reference: scipy.stats.sem(x); R `sd(x) / sqrt(length(x))`.
 * @param x - at least two finite values.
 * @throws {InvalidInputError} for fewer than two values or a non-finite value.
 * @example
 * standardError([2, 4, 4, 4, 5, 5, 7, 9]); // => 0.7559289460184544
 */
export function standardError(x: NumericArray): number {
  assertFiniteSample('standardError', 'x', x, 2);
  return sampleStandardDeviation(Array.from(x)) / Math.sqrt(x.length);
}
