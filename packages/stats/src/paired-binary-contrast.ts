import { mcnemarExact } from './mcnemar-exact';
import { pairedLiftInterval } from './paired-lift-interval';
import { assertBinarySample, assertProbability, assertSameLength } from './validate';

/** A pre-registered contrast of two arms on paired pass/fail outcomes. */
export interface PairedBinaryContrast {
  /** mean(b − a) = (wins − losses) / n, the lift p₀₁ − p₁₀. */
  estimate: number;
  /** Tango's score interval for the lift (`pairedLiftInterval`). */
  low: number;
  high: number;
  /** Two-sided p-value of McNemar's exact test on the discordant pairs. */
  pValue: number;
  /** Paired tasks. */
  n: number;
  /** Tasks the baseline failed and the candidate passed. */
  wins: number;
  /** Tasks the baseline passed and the candidate failed. */
  losses: number;
  test: 'mcnemar-exact';
}

/**
 * Contrast of a candidate with a baseline on paired pass/fail outcomes, for small holdouts where a
 * bootstrap is too coarse: the lift mean(b − a), Tango's score interval for it, and McNemar's exact
 * test. The interval is not exact and the test is, so they can disagree near the boundary (4 wins,
 * 0 losses in 12: the interval excludes 0, p = 0.125); read significance from `pValue`.
 *
 * Reference: `pairedLiftInterval` (Tango 1998) and `mcnemarExact` (statsmodels mcnemar, exact=True).
 * @param a - baseline outcome per task, each exactly 0 or 1.
 * @param b - candidate outcome per task, aligned with `a`.
 * @param options - confidence of the interval, default 0.95.
 * @throws {InvalidInputError} for a value other than 0 or 1, arrays of different lengths, no tasks, or a level outside (0, 1).
 * @example
 * pairedBinaryContrast([1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], [0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0]);
 * // => { estimate: 0.5833…, low: 0.102906…, high: 0.830200…, pValue: 0.0390625, n: 12, wins: 8, losses: 1,
 * //      test: 'mcnemar-exact' }
 */
export function pairedBinaryContrast(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  options: { confidence?: number } = {},
): PairedBinaryContrast {
  const fn = 'pairedBinaryContrast';
  const confidence = options.confidence ?? 0.95;
  assertProbability(fn, 'confidence', confidence, true);
  assertBinarySample(fn, 'a', a);
  assertSameLength(fn, ['a', 'b'], a, b);
  assertBinarySample(fn, 'b', b);
  const n = a.length;
  let wins = 0;
  let losses = 0;
  for (let i = 0; i < n; i++) {
    const lift = (b[i] as number) - (a[i] as number);
    if (lift > 0) wins++;
    else if (lift < 0) losses++;
  }
  const { estimate, low, high } = pairedLiftInterval(losses, wins, n, confidence);
  return { estimate, low, high, pValue: mcnemarExact(losses, wins).pValue, n, wins, losses, test: 'mcnemar-exact' };
}
