import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { normalCdf } from './normal-cdf';
import { normalQuantile } from './normal-quantile';

/**
 * The nominal level at which to read a percentile bootstrap so that it covers like a t interval at
 * small n (Hesterberg's "expanded percentile" interval): the bootstrap's spread uses divisor n and
 * normal tails, so with n units it is read at α′/2 = Φ(√(n/(n−1)) · t_{α/2, n−1}) instead of α/2.
 * Approaches `confidence` as n grows.
 *
 * Reference: Hesterberg (2015), "What teachers should know about the bootstrap", The American
 * Statistician 69(4), §5.
 * @example
 * expandedConfidence(0.95, 10); // => 0.98289872…
 */
export function expandedConfidence(confidence: number, n: number): number {
  const alpha = 1 - confidence;
  const z = Math.sqrt(n / (n - 1)) * tQuantile(alpha / 2, n - 1);
  return 1 - 2 * normalCdf(z);
}

/** Maps a bootstrap p-value read at the expanded level back to the nominal scale (the inverse map). */
export function unexpandPValue(pValue: number, n: number): number {
  if (pValue >= 1) return 1;
  const t = normalQuantile(pValue / 2) / Math.sqrt(n / (n - 1));
  return Math.min(1, 2 * tCdf(t, n - 1));
}
