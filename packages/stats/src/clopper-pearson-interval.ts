import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import { assertProportionInput, type ProportionInterval } from './proportion-interval';

/**
 * Clopper–Pearson "exact" interval for a binomial proportion, from beta quantiles. Conservative: its
 * coverage is at least the nominal level for every true proportion.
 *
 * Reference: R `binom.test(successes, n)$conf.int`; statsmodels `proportion_confint(method="beta")`.
 * @param successes - an integer in [0, n].
 * @param n - trials, ≥ 1.
 * @param confidence - two-sided level in (0, 1), default 0.95.
 * @throws {InvalidInputError} for invalid counts or level.
 * @example
 * clopperPearsonInterval(7, 10); // => { estimate: 0.7, low: 0.347547149…, high: 0.933260488…, confidence: 0.95 }
 */
export function clopperPearsonInterval(successes: number, n: number, confidence = 0.95): ProportionInterval {
  assertProportionInput('clopperPearsonInterval', successes, n, confidence);
  const alpha = 1 - confidence;
  const low = successes === 0 ? 0 : betaQuantile(alpha / 2, successes, n - successes + 1);
  const high = successes === n ? 1 : betaQuantile(1 - alpha / 2, successes + 1, n - successes);
  return { estimate: successes / n, low, high, confidence };
}
