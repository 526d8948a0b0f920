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
 * Interval and p-value from sorted bootstrap replicates, both read from the same order statistics so
 * that p < 1 − confidence exactly when the interval excludes `nullValue`.
 *
 * Each order statistic k of the R replicates has a level πₖ, and at α = 1 − confidence the lower end is
 * the K-th smallest replicate with K = max{k : πₖ < α} (the upper end likewise the K′-th largest, with
 * its own levels π′). The interval excludes the null exactly when some k beyond the replicates on the
 * null's side has πₖ < α, so the p-value is the least such πₖ — no rounding can split the two.
 * percentile: πₖ = π′ₖ = 2k/(R + 1), the (R + 1)·α/2-th order statistic rule of Davison & Hinkley
 * (1997, §5.2). basic: the same rule on the replicates reflected about the estimate (2θ̂ − θ*). bca:
 * πₖ is the α at which the BCa level Φ(z₀ + (z₀ + z_{α/2})/(1 − a(z₀ + z_{α/2}))) reaches k/(R + 1),
 * with z₀ from the mid-rank of θ̂ among the replicates and a from the jackknife (Efron 1987; DiCiccio &
 * Efron 1996); π′ uses −z₀ and −a. Where no order statistic qualifies (K = 0) the end lies beyond every
 * replicate and is reported as −∞ (or +∞ above) rather than clamped to the outermost one, which would
 * make the interval too narrow. Percentile and basic never get there: the settings require
 * 2/(R + 1) < 1 − confidence; BCa can, when z₀ or a is extreme for the number of resamples.
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
  if (method === 'percentile') {
    const levels = percentileLevels(resamples);
    return readBounds(sorted, levels, levels, alpha, nullValue);
  }
  if (method === 'basic') {
    const reflected = new Float64Array(resamples);
    for (let i = 0; i < resamples; i++) reflected[i] = 2 * estimate - (sorted[resamples - 1 - i] as number);
    const levels = percentileLevels(resamples);
    return readBounds(reflected, levels, levels, alpha, nullValue);
  }
  const clamp = (p: number) => Math.min(1 - 0.5 / resamples, Math.max(0.5 / resamples, p));
  const midRank = (countBelow(sorted, estimate) + countAtMost(sorted, estimate)) / (2 * resamples);
  const z0 = normalQuantile(clamp(midRank));
  const a = acceleration(options.jackknife ?? new Float64Array());
  return readBounds(sorted, bcaLevels(resamples, z0, a), bcaLevels(resamples, -z0, -a), alpha, nullValue);
}

/**
 * Ends and p-value from ascending `values` and the levels of their order statistics from below
 * (`lower[k − 1]` for the k-th smallest) and from above (`upper[k − 1]` for the k-th largest).
 */
function readBounds(
  values: Float64Array,
  lower: Float64Array,
  upper: Float64Array,
  alpha: number,
  nullValue: number,
): BootstrapBounds {
  const resamples = values.length;
  const fromBelow = deepest(lower, alpha);
  const fromAbove = deepest(upper, alpha);
  const low = fromBelow === 0 ? Number.NEGATIVE_INFINITY : (values[fromBelow - 1] as number);
  const high = fromAbove === 0 ? Number.POSITIVE_INFINITY : (values[resamples - fromAbove] as number);
  const atOrBelow = countAtMost(values, nullValue);
  const atOrAbove = resamples - countBelow(values, nullValue);
  const pValue = Math.min(1, leastFrom(lower, atOrBelow), leastFrom(upper, atOrAbove));
  return { low, high, pValue };
}

/** max{k : levels[k − 1] < alpha}, or 0 when there is none. */
function deepest(levels: Float64Array, alpha: number): number {
  let k = 0;
  for (let i = 0; i < levels.length; i++) if ((levels[i] as number) < alpha) k = i + 1;
  return k;
}

/** The least level of the order statistics past the first `count`, +∞ when there are none. */
function leastFrom(levels: Float64Array, count: number): number {
  let least = Number.POSITIVE_INFINITY;
  for (let i = count; i < levels.length; i++) least = Math.min(least, levels[i] as number);
  return least;
}

function percentileLevels(resamples: number): Float64Array {
  const levels = new Float64Array(resamples);
  for (let k = 1; k <= resamples; k++) levels[k - 1] = (2 * k) / (resamples + 1);
  return levels;
}

/**
 * The α at which BCa's lower level reaches k/(R + 1): inverts Φ(z₀ + (z₀ + w)/(1 − a(z₀ + w))) = k/(R + 1)
 * for w = z_{α/2}. Where no w on the interval's branch reaches it, the order statistic is inside the
 * end at every level (0) when a > 0, and at none (+∞) when a < 0.
 */
function bcaLevels(resamples: number, z0: number, a: number): Float64Array {
  const levels = new Float64Array(resamples);
  for (let k = 1; k <= resamples; k++) {
    const shifted = normalQuantile(k / (resamples + 1)) - z0;
    const denominator = 1 + a * shifted;
    levels[k - 1] = denominator > 0 ? 2 * normalCdf(shifted / denominator - z0) : a > 0 ? 0 : Number.POSITIVE_INFINITY;
  }
  return levels;
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
function countBelow(sorted: Float64Array, value: number): number {
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
function countAtMost(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
