import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf';
import binomialPmf from '@stdlib/stats-base-dists-binomial-pmf';
import { InvalidInputError } from './invalid-input-error';
import { assertCount, assertProbability } from './validate';

/**
 * Exact power of McNemar's two-sided exact test with n pairs, when a pair is discordant with
 * probability `pDiscordant` and the candidate wins minus loses `effect` of all pairs
 * (effect = p₀₁ − p₁₀). Sums, over the binomial number of discordant pairs m, the probability that
 * the exact conditional test rejects at `alpha` given m.
 *
 * Reference: Suissa & Shuster (1991), exact unconditional power of McNemar's test.
 * @throws {InvalidInputError} unless 0 < |effect| ≤ pDiscordant ≤ 1 and alpha in (0, 1).
 * @example
 * mcnemarExactPower(100, 0.3, 0.15); // => 0.74659704…
 */
export function mcnemarExactPower(n: number, pDiscordant: number, effect: number, alpha = 0.05): number {
  assertCount('mcnemarExactPower', 'n', n, 1);
  assertMcNemarDesign('mcnemarExactPower', pDiscordant, effect, alpha);
  const winShare = (pDiscordant + effect) / (2 * pDiscordant);
  const center = n * pDiscordant;
  const spread = 12 * Math.sqrt(n * pDiscordant * (1 - pDiscordant)) + 12;
  let power = 0;
  for (let m = Math.max(1, Math.floor(center - spread)); m <= Math.min(n, Math.ceil(center + spread)); m++) {
    const weight = binomialPmf(m, n, pDiscordant);
    if (weight === 0) continue;
    const lower = rejectionBound(m, alpha);
    if (lower < 0) continue;
    // Reject when wins ≤ lower or wins ≥ m − lower.
    const rejectLow = binomialCdf(lower, m, winShare);
    const rejectHigh = 1 - binomialCdf(m - lower - 1, m, winShare);
    power += weight * Math.min(1, rejectLow + rejectHigh);
  }
  return Math.min(1, power);
}

/** Largest c with 2·P(X ≤ c) ≤ alpha for X ~ Binomial(m, ½), or −1 when no outcome can reject. */
export function rejectionBound(m: number, alpha: number): number {
  let lo = -1;
  let hi = Math.floor(m / 2);
  while (lo < hi) {
    const mid = lo + Math.ceil((hi - lo) / 2);
    if (2 * binomialCdf(mid, m, 0.5) <= alpha) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function assertMcNemarDesign(functionName: string, pDiscordant: number, effect: number, alpha: number): void {
  assertProbability(functionName, 'pDiscordant', pDiscordant);
  assertProbability(functionName, 'alpha', alpha, true);
  if (!(Math.abs(effect) > 0 && Math.abs(effect) <= pDiscordant)) {
    throw new InvalidInputError({
      functionName,
      parameter: 'effect',
      problem: `must satisfy 0 < |effect| ≤ pDiscordant (${pDiscordant}), received ${effect}`,
    });
  }
}
