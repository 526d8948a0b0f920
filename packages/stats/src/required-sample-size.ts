import { connorPower } from './connor-power';
import { InvalidInputError } from './invalid-input-error';
import { assertMcNemarDesign, mcnemarExactPower } from './mcnemar-power';
import { normalQuantile } from './normal-quantile';
import { assertPairedMeanDesign, pairedTTestPower } from './paired-t-test-power';
import { assertProbability } from './validate';

/** A paired design with graded outcomes: the lift to detect and the SD of per-task differences. */
export interface PairedMeanDesign {
  effect: number;
  sdDiff: number;
  /** Two-sided level, default 0.05. */
  alpha?: number;
  /** Target power, default 0.8. */
  power?: number;
}

/** A paired design with pass/fail outcomes, sized for McNemar's test. */
export interface McNemarDesign {
  /** p₀₁ − p₁₀: share of tasks the candidate newly solves minus share it newly fails. */
  effect: number;
  /** p₀₁ + p₁₀: share of tasks on which the arms disagree. */
  pDiscordant: number;
  alpha?: number;
  power?: number;
  /** 'exact' (default) searches the exact test's power; 'normal' uses Connor's (1987) formula. */
  method?: 'exact' | 'normal';
}

export interface SampleSizePlan {
  /** Paired tasks needed. */
  n: number;
  /** Power at n under the method used (for 'normal', the approximation's own power). */
  achievedPower: number;
  /** 't': the paired t-test's power; 'exact': McNemar's exact test; 'normal': Connor's approximation. */
  method: 't' | 'normal' | 'exact';
}

const maxExactPairs = 100_000;
const maxGradedPairs = 10_000_000;

/**
 * Paired tasks needed to detect `effect` with the given power at two-sided level alpha.
 * Graded outcomes: the smallest n whose two-sided paired t-test power (noncentral t, `pairedTTestPower`)
 * reaches the target; the normal formula ((z₁₋α/₂ + z_power)·sdDiff/effect)² falls 1–3 pairs short
 * (8 instead of 10 at effect 0.5, sdDiff 0.5). Binary outcomes: the smallest n whose exact McNemar
 * power reaches the target (exact power is saw-toothed in n, so a larger n can dip below; the plan
 * names the first that reaches it), or Connor's normal approximation.
 *
 * Reference: statsmodels TTestPower().solve_power(effect_size=effect/sdDiff, alpha, power) rounded up
 * for graded outcomes; Connor (1987) Biometrics 43:207 and Suissa & Shuster (1991) for McNemar.
 * @throws {InvalidInputError} for a zero effect, an SD ≤ 0, probabilities outside their ranges, or an
 * effect too small to detect within the search limit.
 * @example
 * requiredSampleSize({ effect: 0.1, sdDiff: 0.3 }); // => { n: 73, achievedPower: 0.80229…, method: 't' }
 * requiredSampleSize({ effect: 0.15, pDiscordant: 0.3 }); // => { n: 112, achievedPower: 0.802, method: 'exact' }
 */
export function requiredSampleSize(design: PairedMeanDesign | McNemarDesign): SampleSizePlan {
  const alpha = design.alpha ?? 0.05;
  const power = design.power ?? 0.8;
  assertProbability('requiredSampleSize', 'alpha', alpha, true);
  assertProbability('requiredSampleSize', 'power', power, true);
  const zAlpha = normalQuantile(1 - alpha / 2);
  const zPower = normalQuantile(power);
  if ('sdDiff' in design) {
    const { effect, sdDiff } = design;
    assertPairedMeanDesign('requiredSampleSize', effect, sdDiff);
    const powerAt = (n: number) => pairedTTestPower(n, effect, sdDiff, alpha);
    // t-test power rises with n: bracket from the normal formula (a slight underestimate), then bisect.
    let below = 1;
    let reached = Math.max(2, Math.ceil((((zAlpha + zPower) * sdDiff) / effect) ** 2));
    while (powerAt(reached) < power) {
      below = reached;
      reached *= 2;
      if (reached > maxGradedPairs) {
        throw new InvalidInputError({
          functionName: 'requiredSampleSize',
          parameter: 'effect',
          problem: `is too small relative to sdDiff to detect with ${maxGradedPairs} pairs at power ${power}, received ${effect}`,
        });
      }
    }
    while (reached - below > 1) {
      const mid = Math.floor((below + reached) / 2);
      if (mid >= 2 && powerAt(mid) >= power) reached = mid;
      else below = mid;
    }
    return { n: reached, achievedPower: powerAt(reached), method: 't' };
  }
  const { pDiscordant, effect } = design;
  assertMcNemarDesign('requiredSampleSize', pDiscordant, effect, alpha);
  const approximate = Math.ceil(
    (zAlpha * Math.sqrt(pDiscordant) + zPower * Math.sqrt(pDiscordant - effect * effect)) ** 2 / (effect * effect),
  );
  if (design.method === 'normal') {
    return { n: approximate, achievedPower: connorPower(approximate, pDiscordant, effect, alpha), method: 'normal' };
  }
  // Search from 1, or from 80% of the approximation when that is large (exact power is cheap but not free).
  for (let n = approximate > 1000 ? Math.floor(approximate * 0.8) : 1; n <= maxExactPairs; n++) {
    const achieved = mcnemarExactPower(n, pDiscordant, effect, alpha);
    if (achieved >= power) return { n, achievedPower: achieved, method: 'exact' };
  }
  throw new InvalidInputError({
    functionName: 'requiredSampleSize',
    parameter: 'effect',
    problem: `is too small to detect with ${maxExactPairs} pairs at power ${power}; use method 'normal' to see the estimate`,
  });
}
