import { describe, expect, it } from 'vitest';
import { hashSeed } from './hash-seed';
import { meanBootstrapReplicates } from './resampling-units';
import { createRng } from './rng';

/**
 * The resampled means as Ratchet drew them before the four-draws-per-output loop: two 16-bit indices
 * from each 32-bit (low-half) output of the same xoroshiro128+ stream, into an index buffer, then
 * summed. Kept here, verbatim in what it computes, as the reference the new loop must match in law.
 */
function previousMeanReplicates(values: Float64Array, resamples: number, seed: string): Float64Array {
  let [s01, s00, s11, s10] = hashSeed(`ratchet-rng:${seed}`);
  const n = values.length;
  const threshold = (65536 - n) % n;
  const replicates = new Float64Array(resamples);
  const picks = new Uint32Array(n);
  for (let r = 0; r < resamples; r++) {
    let i = 0;
    while (i < n) {
      const word = (s00 + s10) | 0;
      const a0 = s10 ^ s00;
      const a1 = s11 ^ s01;
      const t00 = s00;
      const t01 = s01;
      s00 = (t00 << 24) ^ (t01 >>> 8) ^ a0 ^ (a0 << 16);
      s01 = (t01 << 24) ^ (t00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
      s10 = (a1 << 5) ^ (a0 >>> 27);
      s11 = (a0 << 5) ^ (a1 >>> 27);
      const high = (word >>> 16) * n;
      if ((high & 0xffff) >= threshold) picks[i++] = high >>> 16;
      const low = (word & 0xffff) * n;
      if (i < n && (low & 0xffff) >= threshold) picks[i++] = low >>> 16;
    }
    let sum = 0;
    for (let k = 0; k < n; k++) sum += values[picks[k] as number] as number;
    replicates[r] = sum / n;
  }
  return replicates;
}

/** Two-sample Kolmogorov–Smirnov statistic of two sorted samples. */
function ksStatistic(x: Float64Array, y: Float64Array): number {
  let i = 0;
  let j = 0;
  let largest = 0;
  while (i < x.length && j < y.length) {
    const value = Math.min(x[i] as number, y[j] as number);
    while (i < x.length && (x[i] as number) <= value) i++;
    while (j < y.length && (y[j] as number) <= value) j++;
    largest = Math.max(largest, Math.abs(i / x.length - j / y.length));
  }
  return largest;
}

const seeds = 200;
const resamples = 2000;
// 300 skewed paired differences (a long right tail), so the bootstrap law is visibly not normal.
const data = (() => {
  const rng = createRng('mean-bootstrap-law/data');
  return Float64Array.from({ length: 300 }, () => -Math.log(1 - rng.next()) * 0.2 - 0.15);
})();

/** Pooled sorted replicates and per-seed 2.5%, 50% and 97.5% quantiles of one sampler over all seeds. */
function summarise(draw: (seed: string) => Float64Array) {
  const pooled = new Float64Array(seeds * resamples);
  const quantiles = [0.025, 0.5, 0.975].map(() => new Float64Array(seeds));
  for (let s = 0; s < seeds; s++) {
    const replicates = draw(`law-${s}`).sort();
    pooled.set(replicates, s * resamples);
    [0.025, 0.5, 0.975].forEach((q, k) => {
      (quantiles[k] as Float64Array)[s] = replicates[Math.floor(q * (resamples - 1))] as number;
    });
  }
  return { pooled: pooled.sort(), quantiles };
}

/** Largest |difference of mean quantile| over its standard error, across the three quantiles. */
function worstQuantileZ(a: Float64Array[], b: Float64Array[]): number {
  const meanAndVar = (x: Float64Array) => {
    const mean = x.reduce((s, v) => s + v, 0) / x.length;
    return [mean, x.reduce((s, v) => s + (v - mean) ** 2, 0) / (x.length - 1)] as const;
  };
  return Math.max(
    ...a.map((column, k) => {
      const [ma, va] = meanAndVar(column);
      const [mb, vb] = meanAndVar(b[k] as Float64Array);
      return Math.abs(ma - mb) / Math.sqrt(va / seeds + vb / seeds);
    }),
  );
}

// Two-sample KS critical value at α = 0.001 for 400,000 against 400,000: 1.949 · √(2/400,000).
const ksCritical = 1.949 * Math.sqrt(2 / (seeds * resamples));

describe('meanBootstrapReplicates', () => {
  const reference = summarise((seed) => previousMeanReplicates(data, resamples, seed));

  it('has the same law as the previous sampler over 200 seeds (KS on 400,000 replicates, quantiles)', () => {
    const current = summarise((seed) => meanBootstrapReplicates(data, resamples, createRng(seed)));
    expect(ksStatistic(current.pooled, reference.pooled)).toBeLessThan(ksCritical);
    // The 2.5%, 50% and 97.5% quantiles agree across seeds within Monte Carlo error (|z| < 4).
    expect(worstQuantileZ(current.quantiles, reference.quantiles)).toBeLessThan(4);
  });

  it('the comparison tells apart a sampler that never draws the largest pair', () => {
    const largest = data.indexOf(Math.max(...data));
    const withoutLargest = data.filter((_, i) => i !== largest);
    const broken = summarise((seed) => meanBootstrapReplicates(withoutLargest, resamples, createRng(seed)));
    expect(ksStatistic(broken.pooled, reference.pooled)).toBeGreaterThan(ksCritical);
  });
});
