import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf';
import { describe, expect, it } from 'vitest';
import { binomialCdfWindow, invertCdfWindow } from './binomial-cdf-window';
import { createRng } from './rng';

/** The full table the multinomial bootstrap inverted before windows, kept as the reference. */
function fullCdfTable(trials: number, p: number): Float64Array {
  const cdf = new Float64Array(trials + 1);
  if (p <= 0 || p >= 1) {
    cdf.fill(p >= 1 ? 0 : 1);
    cdf[trials] = 1;
    return cdf;
  }
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

/** Smallest j with cdf[j] > u, by the binary search the full table used. */
function invertFull(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cdf[mid] as number) > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Uniform draws as Rng.next() makes them (multiples of 2⁻⁵³), aimed at every edge of the table. */
function probes(table: Float64Array, count: number, seed: string): number[] {
  const rng = createRng(seed);
  const step = 2 ** -53;
  const edges = [0, step, 2 * step, 0.5, 1 - step, 1 - 2 * step];
  for (let i = 0; i < count; i++) {
    const entry = table[rng.int(table.length)] as number;
    // The entry itself and its neighbours on the 2⁻⁵³ grid: where a draw changes from j to j + 1.
    const onGrid = Math.floor(entry / step) * step;
    edges.push(onGrid - step, onGrid, onGrid + step, rng.next());
  }
  return edges.filter((u) => u >= 0 && u < 1);
}

describe('binomialCdfWindow', () => {
  it.each([
    [10, 0.5],
    [37, 0.13],
    [1000, 0.3],
    [2500, 0.999],
    [100_000, 0.12],
    [100_000, 0.5],
    [100_000, 0.9991],
    [200_000, 1e-5],
    [3, 1e-9],
  ])('draws exactly what the full table draws, for Binomial(%i, %d)', (trials, p) => {
    const table = fullCdfTable(trials, p);
    const window = binomialCdfWindow(trials, p);
    for (const u of probes(table, 3000, `window-${trials}-${p}`)) {
      expect(invertCdfWindow(window, u)).toBe(invertFull(table, u));
    }
    // And it stores a small part of the table once there are many trials.
    if (trials >= 100_000) expect(window.cdf.length).toBeLessThan(trials / 10);
  });

  it('handles the degenerate probabilities 0 and 1 and zero trials', () => {
    for (const [trials, p] of [
      [3, 0],
      [3, 1],
      [0, 0.4],
    ] as const) {
      const table = fullCdfTable(trials, p);
      const window = binomialCdfWindow(trials, p);
      for (const u of [0, 2 ** -53, 0.5, 1 - 2 ** -53]) expect(invertCdfWindow(window, u)).toBe(invertFull(table, u));
    }
  });

  it('holds the binomial CDF in the entries it keeps', () => {
    // Reference: @stdlib binomial CDF (agrees with scipy.stats.binom.cdf to 1e-12 here).
    const window = binomialCdfWindow(1000, 0.3);
    for (const k of [250, 290, 300, 310, 350]) {
      expect(window.cdf[k - window.offset]).toBeCloseTo(binomialCdf(k, 1000, 0.3), 10);
    }
  });

  it('is a few thousand entries wide at a million trials, where the full table has a million', () => {
    const window = binomialCdfWindow(1_000_000, 0.5);
    // About 17 standard deviations (σ = 500) between 2⁻⁵⁴ and the last distinct entry.
    expect(window.cdf.length).toBeGreaterThan(15 * 500);
    expect(window.cdf.length).toBeLessThan(20 * 500);
    expect(window.offset).toBeGreaterThan(500_000 - 10 * 500);
  });
});
