import { binomialCdfWindow, invertCdfWindow } from './binomial-cdf-window';
import { CdfWindowCache } from './cdf-window-cache';
import type { Rng } from './rng';

/** Most distinct values for which resampling counts beats resampling observations. */
export const maxDiscreteLevels = 32;

/**
 * Bytes of CDF windows one call keeps. Windows are about 17 standard deviations wide (30 KB at a
 * million pairs), so this holds the hundreds of windows near the centre that most resamples reuse; the
 * rest are rebuilt when needed, in time proportional to their width.
 */
export const cdfCacheBytes = 32 * 2 ** 20;

/**
 * Bootstrap replicates of the mean for data with few distinct values (pass/fail outcomes and their
 * paired differences −1, 0, 1; graded scores on a small scale). A resample of n observations is fully
 * described by how many times it drew each distinct value, and those counts are multinomial; they are
 * drawn as a chain of conditional binomials, each by inversion of an exact CDF (see
 * `binomialCdfWindow`). The replicates have exactly the distribution of ordinary resampling, at
 * O(levels · log n) per resample instead of O(n), in memory bounded by `cdfCacheBytes` whatever n.
 * Returns null when the data have more than `maxDiscreteLevels` distinct values.
 */
export function multinomialMeanReplicates(
  values: Float64Array,
  resamples: number,
  rng: Rng,
  windows = new CdfWindowCache(cdfCacheBytes),
): Float64Array | null {
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
  const replicates = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let remaining = n;
    let sum = 0;
    for (let k = 0; k < levels.length - 1 && remaining > 0; k++) {
      const key = k * (n + 1) + remaining;
      let window = windows.get(key);
      if (window === undefined) {
        window = binomialCdfWindow(remaining, (counts[k] as number) / (n - (before[k] as number)));
        windows.set(key, window);
      }
      const drawn = invertCdfWindow(window, rng.next());
      sum += (levels[k] as number) * drawn;
      remaining -= drawn;
    }
    sum += (levels[levels.length - 1] as number) * remaining;
    replicates[r] = sum / n;
  }
  return replicates;
}
