import gammaln from '@stdlib/math-base-special-gammaln';
import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf';
import { assertCount } from './validate';

/**
 * The mixture e-value for W wins and L losses among the discordant pairs: the likelihood ratio of
 * win share θ against ½, averaged over θ uniform on [½, 1],
 *   E = 2 ∫_{½}^{1} θ^W (1 − θ)^L dθ / (½)^{W+L} = 2^{n+1} · B(W + 1, L + 1) · P(Binomial(n + 1, ½) ≤ W),
 * with n = W + L. Each θ ≥ ½ gives a likelihood ratio whose factor has expectation
 * 2θ₀θ + 2(1 − θ₀)(1 − θ) ≤ 1 under any win share θ₀ ≤ ½, so the mixture is a non-negative
 * supermartingale under H₀ (a one-sided beta-binomial mixture martingale) and Ville's inequality bounds
 * P(sup E ≥ 1/α) by α. It needs no bets; the sequential gate decides with it (the ablation in
 * bench/src/sequential-gate-ablation.ts found it more powerful than the plug-in bettor on holdouts of 50–200
 * items), and `discordantPairEProcess`, a different e-process for the same null, cross-checks it.
 *
 * References: H. Robbins (1970), "Statistical methods related to the law of the iterated logarithm";
 * A. Ramdas, P. Grünwald, V. Vovk, G. Shafer (2023), "Game-theoretic statistics and safe anytime-valid
 * inference", Statistical Science 38(4) (mixture martingales, Ville's inequality).
 *
 * @throws {InvalidInputError} when a count is not a non-negative integer.
 * @example
 * discordantMixtureEValue(0, 0); // => 1
 * discordantMixtureEValue(10, 0); // => 2^11 · (1/11) · (1 − 2^−11) = 186.09…
 */
export function discordantMixtureEValue(wins: number, losses: number): number {
  assertCount('discordantMixtureEValue', 'wins', wins);
  assertCount('discordantMixtureEValue', 'losses', losses);
  const n = wins + losses;
  const logBeta = gammaln(wins + 1) + gammaln(losses + 1) - gammaln(n + 2);
  return Math.exp((n + 1) * Math.LN2 + logBeta + Math.log(binomialCdf(wins, n + 1, 0.5)));
}
