import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { InvalidInputError } from './invalid-input-error';
import { noncentralTCdf } from './noncentral-t-cdf';
import { assertCount, assertProbability } from './validate';

/**
 * Power of the two-sided paired (one-sample) t-test with n pairs when the mean difference is `effect`
 * and the differences have standard deviation `sdDiff`: 1 − F(t_c) + F(−t_c) for F the noncentral t
 * CDF with n − 1 degrees of freedom and noncentrality δ = effect/sdDiff·√n, and t_c = t_{1−α/2, n−1}.
 * The normal approximation Φ(|δ| − z_{1−α/2}) overstates it at small n (0.807 against 0.681 at n = 8,
 * effect 0.5, sdDiff 0.5).
 *
 * Reference: statsmodels.stats.power.TTestPower().power(effect_size=effect/sdDiff, nobs=n, alpha=alpha).
 * @param n - pairs, ≥ 2 (the test needs one degree of freedom).
 * @param effect - the mean difference to detect, ≠ 0.
 * @param sdDiff - standard deviation of the per-pair differences, > 0.
 * @param alpha - two-sided level, default 0.05.
 * @throws {InvalidInputError} for n < 2, a zero or non-finite effect, sdDiff ≤ 0, or alpha outside (0, 1).
 * @example
 * pairedTTestPower(10, 0.5, 0.5); // => 0.80309685663…
 */
export function pairedTTestPower(n: number, effect: number, sdDiff: number, alpha = 0.05): number {
  assertCount('pairedTTestPower', 'n', n, 2);
  assertPairedMeanDesign('pairedTTestPower', effect, sdDiff);
  assertProbability('pairedTTestPower', 'alpha', alpha, true);
  const df = n - 1;
  const critical = tQuantile(1 - alpha / 2, df);
  const noncentrality = (effect / sdDiff) * Math.sqrt(n);
  return 1 - noncentralTCdf(critical, df, noncentrality) + noncentralTCdf(-critical, df, noncentrality);
}

export function assertPairedMeanDesign(functionName: string, effect: number, sdDiff: number): void {
  if (!(sdDiff > 0) || !Number.isFinite(sdDiff)) {
    throw new InvalidInputError({
      functionName,
      parameter: 'sdDiff',
      problem: `must be a finite number > 0, received ${sdDiff}`,
    });
  }
  if (!(Math.abs(effect) > 0) || !Number.isFinite(effect)) {
    throw new InvalidInputError({
      functionName,
      parameter: 'effect',
      problem: `must be a finite number ≠ 0, received ${effect}`,
    });
  }
}
