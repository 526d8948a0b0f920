import { InvalidInputError } from './invalid-input-error';
import { betTruncation, plugInBets } from './plug-in-bets';
import { assertProbability } from './validate';

/** The two wealth processes of the hedged-capital test of one candidate mean m, fed one observation at a time. */
export interface HedgedCapitalWealth {
  /** Feeds one observation in [0, 1], in the pre-committed order. */
  observe(x: number): void;
  /** log K⁺ₜ(m): evidence that the mean is above m (an e-process for H₀: mean ≤ m). */
  readonly logAbove: number;
  /** log K⁻ₜ(m): evidence that the mean is below m (an e-process for H₀: mean ≥ m). */
  readonly logBelow: number;
  readonly count: number;
}

/**
 * The hedged-capital betting test of one mean m for observations in [0, 1] (Waudby-Smith & Ramdas
 * 2024, "Estimating means of bounded random variables by betting", JRSS-B 86(1), §5 and Theorem 3):
 *   K⁺ₜ(m) = ∏ (1 + λ⁺ᵢ(m)(xᵢ − m)),  λ⁺ᵢ(m) = min(λ̇ᵢ, c/m);
 *   K⁻ₜ(m) = ∏ (1 − λ⁻ᵢ(m)(xᵢ − m)),  λ⁻ᵢ(m) = min(λ̇ᵢ, c/(1 − m)),
 * with the predictable plug-in bets λ̇ᵢ (`plugInBets`) and c = ½. Under H₀: E[xᵢ | past] ≤ m, K⁺(m) is
 * a non-negative supermartingale (the bet is non-negative and made before xᵢ is seen), so by Ville's
 * inequality P(sup K⁺ₜ(m) ≥ 1/α) ≤ α — likewise K⁻(m) under E[xᵢ | past] ≥ m — whatever the
 * distribution of the observations, and however it drifts. The hedged process max(½K⁺, ½K⁻) is the
 * paper's; the (1 − α) confidence sequence is the set of m it has not yet reached 2/α at
 * (`bettingConfidenceSequence`). K⁻(m) is non-decreasing in m and K⁺(m) non-increasing, so testing
 * one m from below decides every m above it.
 *
 * @param mean - the mean m tested, in [0, 1].
 * @param confidence - the confidence of the sequence the bets are tuned for (α = 1 − confidence).
 * @throws {InvalidInputError} for a mean outside [0, 1], a confidence outside (0, 1), or an observation
 * outside [0, 1].
 * @example
 * const wealth = hedgedCapitalWealth(0.5, 0.95);
 * for (let i = 0; i < 40; i++) wealth.observe(0.9);
 * Math.exp(wealth.logAbove) > 40; // => true: forty observations at 0.9 refute a mean of 0.5
 */
export function hedgedCapitalWealth(mean: number, confidence: number): HedgedCapitalWealth {
  assertProbability('hedgedCapitalWealth', 'mean', mean);
  assertProbability('hedgedCapitalWealth', 'confidence', confidence, true);
  const bets = plugInBets(confidence);
  const capAbove = mean === 0 ? Number.POSITIVE_INFINITY : betTruncation / mean;
  const capBelow = mean === 1 ? Number.POSITIVE_INFINITY : betTruncation / (1 - mean);
  let logAbove = 0;
  let logBelow = 0;
  return {
    observe(x: number) {
      if (!(x >= 0 && x <= 1)) {
        throw new InvalidInputError({
          functionName: 'hedgedCapitalWealth.observe',
          parameter: 'x',
          problem: `must be in [0, 1], received ${x}`,
        });
      }
      const bet = bets.next();
      logAbove += Math.log1p(Math.min(bet, capAbove) * (x - mean));
      logBelow += Math.log1p(-Math.min(bet, capBelow) * (x - mean));
      bets.observe(x);
    },
    get logAbove() {
      return logAbove;
    },
    get logBelow() {
      return logBelow;
    },
    get count() {
      return bets.count;
    },
  };
}
