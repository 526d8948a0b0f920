import { quantileSorted } from 'simple-statistics';
import { normalCdf } from './normal-cdf';
import { normalQuantile } from './normal-quantile';

/** How a bootstrap turns its replicates into an interval. */
export type BootstrapMethod = 'percentile' | 'basic' | 'bca';

export interface BootstrapBounds {
  low: number;
  high: number;
  /** Two-sided p-value for `nullValue`: the smallest 1 − confidence whose interval excludes it. */
  pValue: number;
}

/**
 * Interval and p-value from sorted bootstrap replicates.
 * percentile: the α/2 and 1 − α/2 replicate quantiles. basic: those quantiles reflected about the
 * estimate (2θ̂ − q). bca: percentiles shifted by the bias correction z₀ (mid-rank of θ̂ among the
 * replicates) and the jackknife acceleration a (Efron 1987; DiCiccio & Efron 1996).
 */
export function bootstrapBounds(options: {
  sorted: Float64Array;
  estimate: number;
  method: BootstrapMethod;
  confidence: number;
  nullValue: number;
  jackknife?: Float64Array;
}): BootstrapBounds {
  const { sorted, estimate, method, confidence, nullValue } = options;
  const alpha = 1 - confidence;
  const resamples = sorted.length;
  const quantile = (p: number) => quantileSorted(sorted as unknown as number[], p);
  // Share of replicates at or below / at or above the null value, with the +1 that keeps p above 0.
  const tailAtMost = (value: number) => (1 + countAtMost(sorted, value)) / (resamples + 1);
  const tailAtLeast = (value: number) => (1 + resamples - countBelow(sorted, value)) / (resamples + 1);
  const twoSided = (lower: number, upper: number) => Math.min(1, 2 * Math.min(lower, upper));

  if (method === 'percentile') {
    return {
      low: quantile(alpha / 2),
      high: quantile(1 - alpha / 2),
      pValue: twoSided(tailAtMost(nullValue), tailAtLeast(nullValue)),
    };
  }
  if (method === 'basic') {
    const reflected = 2 * estimate - nullValue;
    return {
      low: 2 * estimate - quantile(1 - alpha / 2),
      high: 2 * estimate - quantile(alpha / 2),
      pValue: twoSided(tailAtLeast(reflected), tailAtMost(reflected)),
    };
  }
  const clamp = (p: number) => Math.min(1 - 0.5 / resamples, Math.max(0.5 / resamples, p));
  const midRank = (countBelow(sorted, estimate) + countAtMost(sorted, estimate)) / (2 * resamples);
  const z0 = normalQuantile(clamp(midRank));
  const a = acceleration(options.jackknife ?? new Float64Array());
  const adjusted = (zAlpha: number) => normalCdf(z0 + (z0 + zAlpha) / (1 - a * (z0 + zAlpha)));
  const zLow = normalQuantile(alpha / 2);
  // Invert the BCa map at the null value's percentile to find the level at which it becomes an endpoint.
  const zNull = normalQuantile(clamp(countAtMost(sorted, nullValue) / resamples)) - z0;
  const w = zNull / (1 + a * zNull);
  const tail = normalCdf(w - z0);
  return {
    low: quantile(clamp(adjusted(zLow))),
    high: quantile(clamp(adjusted(-zLow))),
    pValue: Math.min(1, 2 * Math.min(tail, 1 - tail)),
  };
}

/**
 * a = Σ(θ̄ − θᵢ)³ / (6 · (Σ(θ̄ − θᵢ)²)^{3/2}) over the jackknife replicates; 0 when they do not vary.
 * Deviations are scaled by the largest one first (a is scale-free), so tiny spreads do not underflow.
 */
function acceleration(jackknife: Float64Array): number {
  if (jackknife.length < 2) return 0;
  let mean = 0;
  for (const value of jackknife) mean += value;
  mean /= jackknife.length;
  let scale = 0;
  for (const value of jackknife) scale = Math.max(scale, Math.abs(mean - value));
  if (scale === 0 || !Number.isFinite(scale)) return 0;
  let squares = 0;
  let cubes = 0;
  for (const value of jackknife) {
    const d = (mean - value) / scale;
    squares += d * d;
    cubes += d * d * d;
  }
  const a = cubes / (6 * squares ** 1.5);
  return Number.isFinite(a) ? a : 0;
}

/** Number of sorted values strictly below `value` (binary search). */
export function countBelow(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of sorted values at or below `value`. */
export function countAtMost(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
