import { variance } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { CdfWindowCache } from './cdf-window-cache';
import { cdfCacheBytes, maxDiscreteLevels, multinomialMeanReplicates } from './multinomial-mean-replicates';
import { meanBootstrapReplicates } from './resampling-units';
import { createRng, type Rng } from './rng';

/**
 * The implementation before CDF windows, kept as the reference: one full CDF table per (level,
 * remaining), never evicted (420 MiB at 100,000 pairs).
 */
function previousReplicates(values: Float64Array, resamples: number, rng: Rng): Float64Array {
  const n = values.length;
  const tally = new Map<number, number>();
  for (const value of values) tally.set(value, (tally.get(value) ?? 0) + 1);
  const levels = [...tally.keys()];
  const counts = levels.map((level) => tally.get(level) as number);
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
        cdf = fullCdfTable(remaining, share);
        tables.set(key, cdf);
      }
      const u = rng.next();
      let lo = 0;
      let hi = cdf.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((cdf[mid] as number) > u) hi = mid;
        else lo = mid + 1;
      }
      sum += (levels[k] as number) * lo;
      remaining -= lo;
    }
    sum += (levels[levels.length - 1] as number) * remaining;
    replicates[r] = sum / n;
  }
  return replicates;
}

function fullCdfTable(trials: number, p: number): Float64Array {
  const cdf = new Float64Array(trials + 1);
  const mode = Math.min(trials, Math.floor((trials + 1) * p));
  const odds = p / (1 - p);
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

/** n observations of the given values in the given shares, in that order. */
function sample(n: number, shares: ReadonlyArray<readonly [number, number]>): Float64Array {
  const values = new Float64Array(n);
  let i = 0;
  for (const [value, share] of shares)
    for (const end = i + Math.round(share * n); i < end && i < n; ) values[i++] = value;
  values.fill((shares[shares.length - 1] as readonly [number, number])[0], i);
  return values;
}

describe('multinomialMeanReplicates', () => {
  // Paired pass/fail differences: 120 wins, 80 losses, 800 ties.
  const differences = Float64Array.from({ length: 1000 }, (_, i) => (i < 120 ? 1 : i < 200 ? -1 : 0));

  it('has the distribution of ordinary resampling (mean, variance and tails agree)', () => {
    const counted = multinomialMeanReplicates(differences, 20_000, createRng('counted')) as Float64Array;
    const direct = meanBootstrapReplicates(differences, 20_000, createRng('direct'));
    // Theory: E = 0.04, Var = σ²/n with population σ² = 0.2 − 0.04² = 0.1984.
    for (const replicates of [counted, direct]) {
      const values = Array.from(replicates);
      expect(values.reduce((s, v) => s + v, 0) / values.length).toBeCloseTo(0.04, 3);
      expect(variance(values) / (0.1984 / 1000)).toBeGreaterThan(0.96);
      expect(variance(values) / (0.1984 / 1000)).toBeLessThan(1.04);
    }
    const sortedCounted = counted.sort();
    const sortedDirect = direct.sort();
    for (const q of [0.025, 0.5, 0.975]) {
      const index = Math.floor(q * 20_000);
      expect(Math.abs((sortedCounted[index] as number) - (sortedDirect[index] as number))).toBeLessThan(0.0015);
    }
  });

  it('declines data with many distinct values', () => {
    const continuous = Float64Array.from({ length: maxDiscreteLevels + 1 }, (_, i) => i / 7);
    expect(multinomialMeanReplicates(continuous, 10, createRng(1))).toBeNull();
  });

  it('draws exactly what the full-table implementation drew, seed for seed, while evicting windows', () => {
    const cases = [
      sample(1000, [
        [1, 0.12],
        [-1, 0.08],
        [0, 0.8],
      ]),
      sample(20_000, [
        [0, 0.7],
        [1, 0.2],
        [-1, 0.1],
      ]),
      sample(5000, [
        [0.25, 0.1],
        [0.5, 0.3],
        [0.75, 0.3],
        [1, 0.2],
        [0, 0.1],
      ]),
      sample(300, [
        [1, 0.99],
        [0, 0.01],
      ]),
    ];
    for (const [c, values] of cases.entries()) {
      for (const seed of [1, 2, 3]) {
        // 64 KiB holds a few windows only, so most are rebuilt after eviction.
        const small = new CdfWindowCache(64 * 1024);
        const current = multinomialMeanReplicates(values, 3000, createRng(`${c}/${seed}`), small);
        expect(current).toEqual(previousReplicates(values, 3000, createRng(`${c}/${seed}`)));
        if (values.length >= 5000) expect(small.peakBytes).toBeGreaterThan(48 * 1024);
      }
    }
  });

  it('keeps its CDF windows within the budget at a million pairs', () => {
    const values = sample(1_000_000, [
      [0, 0.8],
      [1, 0.12],
      [-1, 0.08],
    ]);
    const cache = new CdfWindowCache(cdfCacheBytes);
    multinomialMeanReplicates(values, 2000, createRng('million'), cache);
    // The budget is 32 MiB; one window at a million pairs is under 200 KB (σ ≤ 500, ≈ 17σ entries).
    expect(cache.peakBytes).toBeGreaterThan(cdfCacheBytes * 0.75);
    expect(cache.peakBytes).toBeLessThan(cdfCacheBytes + 200_000);
  });

  it('is reproducible from its seed', () => {
    const first = multinomialMeanReplicates(differences, 100, createRng(9));
    expect(multinomialMeanReplicates(differences, 100, createRng(9))).toEqual(first);
  });
});
