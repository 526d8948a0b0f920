import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BootstrapMethod } from './bootstrap-bounds';
import { pairedBootstrap } from './paired-bootstrap';
import { createRng, type Rng } from './rng';

const a = [0.2, 0.4, 0.5, 0.3, 0.9, 0.1, 0.6, 0.7, 0.2, 0.3, 0.5, 0.8];

/** One random paired bootstrap problem: pass/fail, graded on a small scale, or continuous outcomes. */
function randomCase(rng: Rng) {
  const n = 2 + rng.int(29);
  const kind = rng.int(3);
  const draw = () => (kind === 0 ? rng.int(2) : kind === 1 ? rng.int(5) / 4 : rng.next() * 2 - 0.5);
  const shift = (rng.next() - 0.3) * 0.6;
  const baseline = Array.from({ length: n }, draw);
  const candidate = baseline.map((value) => (rng.next() < 0.5 ? draw() : value + shift * rng.next()));
  const confidence = [0.8, 0.9, 0.95, 0.99][rng.int(4)] as number;
  const alpha = 1 - confidence;
  const resamples = Math.ceil(2 / alpha) + rng.int(1500);
  const differences = candidate.map((value, i) => value - (baseline[i] as number));
  const mean = differences.reduce((sum, d) => sum + d, 0) / n;
  const nullValue = [0, mean, differences[rng.int(n)] as number, mean + (rng.next() - 0.5) * 0.4][rng.int(4)] as number;
  const method = (['percentile', 'basic', 'bca'] as const)[rng.int(3)] as BootstrapMethod;
  return { baseline, candidate, confidence, resamples, nullValue, method, seed: rng.int(1_000_000) };
}
const b = [0.3, 0.6, 0.5, 0.5, 0.8, 0.4, 0.9, 0.7, 0.4, 0.2, 0.6, 0.9];

describe('pairedBootstrap', () => {
  it('agrees with scipy paired bootstrap of the mean difference', () => {
    // scipy 1.17: bootstrap((a, b), lambda a, b: mean(b - a), paired=True, n_resamples=50000,
    // method='percentile') = (0.0333, 0.1833), estimate 0.10833
    const result = pairedBootstrap(a, b, { seed: 2, resamples: 20_000 });
    expect(result.estimate).toBeCloseTo(0.10833333333333335, 12);
    expect(Math.abs(result.low - 0.0333)).toBeLessThan(0.012);
    expect(Math.abs(result.high - 0.1833)).toBeLessThan(0.012);
    expect(result.n).toBe(12);
  });

  it('resamples pairs jointly: a constant shift has a zero-width interval', () => {
    const shifted = a.map((value) => value + 0.25);
    const result = pairedBootstrap(a, shifted, { seed: 1, resamples: 1000 });
    expect(result.low).toBeCloseTo(0.25, 12);
    expect(result.high).toBeCloseTo(0.25, 12);
  });

  it('widens the interval when pairs are clustered', () => {
    const clusters = a.map((_, i) => Math.floor(i / 3));
    const plain = pairedBootstrap(a, b, { seed: 4, resamples: 5000 });
    const clustered = pairedBootstrap(a, b, { seed: 4, resamples: 5000, clusters });
    expect(clustered.units).toBe(4);
    expect(clustered.high - clustered.low).not.toBe(plain.high - plain.low);
  });

  it('same seed, same result, for pass/fail outcomes too', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.boolean()), { minLength: 2, maxLength: 60 }),
        fc.integer(),
        (pairs, seed) => {
          const before = pairs.map(([x]) => Number(x));
          const after = pairs.map(([, y]) => Number(y));
          const first = pairedBootstrap(before, after, { seed, resamples: 300 });
          expect(pairedBootstrap(before, after, { seed, resamples: 300 })).toEqual(first);
          expect(first.low).toBeLessThanOrEqual(first.estimate + 1e-12);
          expect(first.high).toBeGreaterThanOrEqual(first.estimate - 1e-12);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('has p < 1 − confidence exactly when the interval excludes the null, over 3,000 random cases', () => {
    const rng = createRng('bootstrap-p-value-contract');
    const disagreements: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const { baseline, candidate, confidence, resamples, nullValue, method, seed } = randomCase(rng);
      const result = pairedBootstrap(baseline, candidate, { confidence, resamples, nullValue, method, seed });
      const excluded = result.low > nullValue || result.high < nullValue;
      if (result.pValue < 1 - confidence !== excluded) {
        disagreements.push(`case ${i}: ${method}, p ${result.pValue}, [${result.low}, ${result.high}] vs ${nullValue}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('refuses arms of different lengths', () => {
    expect(() => pairedBootstrap([1, 2, 3], [1, 2], { seed: 1 })).toThrow(
      /pairedBootstrap: b must have the same length as a \(3\), received 2/,
    );
  });
});
