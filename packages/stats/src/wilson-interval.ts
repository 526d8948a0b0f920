import { normalQuantile } from './normal-quantile';
import { assertProportionInput, type ProportionInterval } from './proportion-interval';

/**
 * Wilson score interval for a binomial proportion (no continuity correction). Unlike the Wald interval
 * it stays inside [0, 1] and keeps near-nominal coverage at small n and extreme rates.
 *
 * Reference: statsmodels `proportion_confint(successes, n, alpha, method="wilson")`; Wilson (1927).
 * @param successes - an integer in [0, n].
 * @param n - trials, ≥ 1.
 * @param confidence - two-sided level in (0, 1), default 0.95.
 * @throws {InvalidInputError} for invalid counts or level.
 * @example
 * wilsonInterval(7, 10); // => { estimate: 0.7, low: 0.396778147…, high: 0.892208732…, confidence: 0.95 }
 */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): ProportionInterval {
  assertProportionInput('wilsonInterval', successes, n, confidence);
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const z2 = z * z;
  const estimate = successes / n;
  const center = (successes + z2 / 2) / (n + z2);
  const half = (z / (n + z2)) * Math.sqrt((successes * (n - successes)) / n + z2 / 4);
  return {
    estimate,
    low: Math.max(0, center - half),
    high: Math.min(1, center + half),
    confidence,
  };
}
