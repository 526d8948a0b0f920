import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf';
import { variance } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { binomialCdfTable, maxDiscreteLevels, multinomialMeanReplicates } from './multinomial-mean-replicates';
import { meanBootstrapReplicates } from './resampling-units';
import { createRng } from './rng';

describe('binomialCdfTable', () => {
  it.each([
    [10, 0.5],
    [37, 0.13],
    [1000, 0.3],
    [2500, 0.999],
  ])('matches the binomial CDF for n = %i, p = %d', (n, p) => {
    const table = binomialCdfTable(n, p);
    for (const k of [0, 1, Math.floor(n * p), n - 1, n]) expect(table[k]).toBeCloseTo(binomialCdf(k, n, p), 10);
  });

  it('handles the degenerate probabilities 0 and 1', () => {
    expect(Array.from(binomialCdfTable(3, 0))).toEqual([1, 1, 1, 1]);
    expect(Array.from(binomialCdfTable(3, 1))).toEqual([0, 0, 0, 1]);
  });
});

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

  it('is reproducible from its seed', () => {
    const first = multinomialMeanReplicates(differences, 100, createRng(9));
    expect(multinomialMeanReplicates(differences, 100, createRng(9))).toEqual(first);
  });
});
