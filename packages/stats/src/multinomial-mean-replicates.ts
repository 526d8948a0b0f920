import type { Rng } from './rng';

/** Most distinct values for which resampling counts beats resampling observations. */
export const maxDiscreteLevels = 32;

/**
 * Bootstrap replicates of the mean for data with few distinct values (pass/fail outcomes and their
 * paired differences −1, 0, 1; graded scores on a small scale). A resample of n observations is fully
 * described by how many times it drew each distinct value, and those counts are multinomial; they are
 * drawn as a chain of conditional binomials, each by inversion of an exact CDF table. The replicates
 * have exactly the distribution of ordinary resampling, at O(levels · log n) per resample instead of
 * O(n). Returns null when the data have more than `maxDiscreteLevels` distinct values.
 */
export function multinomialMeanReplicates(values: Float64Array, resamples: number, rng: Rng): Float64Array | null {
  const n = values.length;
  const tally = new Map<number, number>();
  for (const value of values) {
    tally.set(value, (tally.get(value) ?? 0) + 1);
    if (tally.size > maxDiscreteLevels) return null;
  }
  const levels = [...tally.keys()];
  const counts = levels.map((level) => tally.get(level) as number);
  // P(level k | not levels < k) = counts[k] / (n − counts before k): exact ratios of integers.
  const before = counts.map((_, k) => counts.slice(0, k).reduce((sum, c) => sum + c, 0));
  const tables = new Map<number, Float64Array>();
  const replicates = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let remaining = n;
    let sum = 0;
    for (let k = 0; k < levels.length - 1 && remaining > 0; k++) {
      const share = (counts[k] as number) / (n - (before[k] as number));
      const key = k * (n + 1) + remaining;
      let cdf = tables.get(key);
      if (cdf === undefined) {
        cdf = binomialCdfTable(remaining, share);
        tables.set(key, cdf);
      }
      const drawn = invert(cdf, rng.next());
      sum += (levels[k] as number) * drawn;
      remaining -= drawn;
    }
    sum += (levels[levels.length - 1] as number) * remaining;
    replicates[r] = sum / n;
  }
  return replicates;
}

/**
 * CDF of Binomial(trials, p) at 0 … trials. Probabilities are built outward from the mode by the
 * ratio P(j+1)/P(j) = (trials − j)/(j + 1) · p/(1 − p) and normalised, so no power of p underflows.
 */
export function binomialCdfTable(trials: number, p: number): Float64Array {
  const cdf = new Float64Array(trials + 1);
  if (p <= 0 || p >= 1) {
    cdf.fill(p >= 1 ? 0 : 1);
    cdf[trials] = 1;
    return cdf;
  }
  const mode = Math.min(trials, Math.floor((trials + 1) * p));
  const odds = p / (1 - p);
  // Unnormalised probabilities first, in place; then normalise and accumulate.
  cdf[mode] = 1;
  for (let j = mode; j < trials; j++) cdf[j + 1] = ((cdf[j] as number) * (trials - j) * odds) / (j + 1);
  for (let j = mode; j > 0; j--) cdf[j - 1] = ((cdf[j] as number) * j) / ((trials - j + 1) * odds);
  let total = 0;
  for (const mass of cdf) total += mass;
  let running = 0;
  for (let j = 0; j <= trials; j++) {
    running += (cdf[j] as number) / total;
    cdf[j] = running;
  }
  cdf[trials] = 1;
  return cdf;
}

/** Smallest j with cdf[j] > u. */
function invert(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cdf[mid] as number) > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
