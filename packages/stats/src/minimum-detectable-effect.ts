import { connorPower } from './connor-power';
import { InvalidInputError } from './invalid-input-error';
import { mcnemarExactPower } from './mcnemar-power';
import { normalQuantile } from './normal-quantile';
import { pairedTTestPower } from './paired-t-test-power';
import { assertCount, assertProbability } from './validate';

export type MinimumDetectableEffectInput =
  | { n: number; sdDiff: number; alpha?: number; power?: number }
  | { n: number; pDiscordant: number; alpha?: number; power?: number; method?: 'exact' | 'normal' };

export interface DetectableEffect {
  /** Smallest lift detectable with the target power (for pass/fail: p₀₁ − p₁₀); null when none is. */
  effect: number | null;
  /** 't': the paired t-test's power; 'exact': McNemar's exact test; 'normal': Connor's approximation. */
  method: 't' | 'normal' | 'exact';
}

/**
 * The smallest lift a paired comparison of n tasks detects with the given power at two-sided level
 * alpha. Graded outcomes: the smallest mean difference at which the two-sided paired t-test's power
 * (`pairedTTestPower`, noncentral t with n − 1 df) reaches the target, found by bisection; null for
 * n = 1, where no t-test exists. (The normal formula (z₁₋α/₂ + z_power)·sdDiff/√n understates it:
 * 0.886 instead of 0.996 SDs at n = 10.) Pass/fail outcomes: the smallest p₀₁ − p₁₀ at which
 * McNemar's test (exact by default, or Connor's approximation) reaches the power; `effect: null` when
 * even effect = pDiscordant falls short.
 *
 * Reference: statsmodels TTestPower().solve_power(nobs=n, alpha, power)·sdDiff for graded outcomes;
 * inverse of `requiredSampleSize`; Connor (1987).
 * @throws {InvalidInputError} for n < 1, sdDiff ≤ 0, or probabilities outside their ranges.
 * @example
 * minimumDetectableEffect({ n: 50, sdDiff: 0.3 }); // => { effect: 0.121254900…, method: 't' }
 * minimumDetectableEffect({ n: 100, pDiscordant: 0.3 }); // => { effect: 0.158531…, method: 'exact' }
 */
export function minimumDetectableEffect(input: MinimumDetectableEffectInput): DetectableEffect {
  const alpha = input.alpha ?? 0.05;
  const power = input.power ?? 0.8;
  assertCount('minimumDetectableEffect', 'n', input.n, 1);
  assertProbability('minimumDetectableEffect', 'alpha', alpha, true);
  assertProbability('minimumDetectableEffect', 'power', power, true);
  if ('sdDiff' in input) {
    if (!(input.sdDiff > 0) || !Number.isFinite(input.sdDiff)) {
      throw new InvalidInputError({
        functionName: 'minimumDetectableEffect',
        parameter: 'sdDiff',
        problem: `must be a finite number > 0, received ${input.sdDiff}`,
      });
    }
    if (input.n < 2) return { effect: null, method: 't' };
    const n = input.n;
    // In SD units, from the normal formula (a slight underestimate): double until reached, then bisect.
    const reaches = (standardized: number) => pairedTTestPower(n, standardized, 1, alpha) >= power;
    let below = 0;
    let reached = (normalQuantile(1 - alpha / 2) + normalQuantile(power)) / Math.sqrt(n);
    while (!reaches(reached)) {
      below = reached;
      reached *= 2;
    }
    while (reached - below > 1e-13 * reached) {
      const mid = (below + reached) / 2;
      if (reaches(mid)) reached = mid;
      else below = mid;
    }
    return { effect: reached * input.sdDiff, method: 't' };
  }
  const { n, pDiscordant } = input;
  assertProbability('minimumDetectableEffect', 'pDiscordant', pDiscordant);
  const method = input.method ?? 'exact';
  const powerAt = (effect: number) =>
    method === 'exact' ? mcnemarExactPower(n, pDiscordant, effect, alpha) : connorPower(n, pDiscordant, effect, alpha);
  if (pDiscordant === 0 || powerAt(pDiscordant) < power) return { effect: null, method };
  let lo = 0;
  let hi = pDiscordant;
  for (let step = 0; step < 60 && hi - lo > 1e-9; step++) {
    const mid = (lo + hi) / 2;
    if (mid > 0 && powerAt(mid) >= power) hi = mid;
    else lo = mid;
  }
  return { effect: hi, method };
}
