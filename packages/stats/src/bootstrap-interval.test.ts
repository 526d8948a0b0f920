import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bootstrapInterval } from './bootstrap-interval';
import { InvalidInputError } from './invalid-input-error';

const x = [3.1, 5.2, 4.0, 6.3, 5.5, 7.9, 4.4, 5.0, 2.2, 6.6, 5.9, 4.8, 3.7, 8.4, 5.1, 4.6, 6.0, 3.3, 5.7, 9.8];

describe('bootstrapInterval', () => {
  // scipy 1.17: bootstrap((x,), np.mean, n_resamples=200000, method=m, random_state=1).confidence_interval.
  // Different random streams, so agreement is within Monte Carlo error (±0.06 here), not to the digit.
  it.each([
    ['percentile', 4.61, 6.19],
    ['basic', 4.56, 6.14],
    ['bca', 4.655, 6.255],
  ] as const)('%s interval for the mean agrees with scipy', (method, low, high) => {
    const result = bootstrapInterval(x, { method, seed: 11, resamples: 20_000 });
    expect(result.estimate).toBeCloseTo(5.375, 12);
    expect(Math.abs(result.low - low)).toBeLessThan(0.06);
    expect(Math.abs(result.high - high)).toBeLessThan(0.06);
    expect(result.method).toBe(method);
  });

  it('BCa interval for the median agrees with scipy', () => {
    // scipy 1.17: bootstrap((x,), np.median, n_resamples=100000, method='BCa') = (4.5, 5.95)
    const result = bootstrapInterval(x, { statistic: 'median', method: 'bca', seed: 3 });
    expect(result.estimate).toBe(5.15);
    expect(Math.abs(result.low - 4.5)).toBeLessThan(0.1);
    expect(Math.abs(result.high - 5.95)).toBeLessThan(0.1);
  });

  it('gives the same result for the same seed, and records it', () => {
    const first = bootstrapInterval(x, { seed: 'same', resamples: 2000 });
    expect(bootstrapInterval(x, { seed: 'same', resamples: 2000 })).toEqual(first);
    expect(first.seed).toBe('same');
    expect(bootstrapInterval(x, { seed: 'other', resamples: 2000 }).low).not.toBe(first.low);
  });

  it('accepts a custom statistic and whole-cluster resampling', () => {
    const spread = bootstrapInterval(x, {
      seed: 1,
      resamples: 2000,
      statistic: (v) => Math.max(...v) - Math.min(...v),
    });
    expect(spread.estimate).toBeCloseTo(7.6, 12);
    const clusters = x.map((_, i) => Math.floor(i / 4));
    const clustered = bootstrapInterval(x, { seed: 1, resamples: 2000, clusters });
    expect(clustered.units).toBe(5);
    expect(clustered.n).toBe(20);
  });

  it('has a p-value consistent with its interval', () => {
    const result = bootstrapInterval(x, { seed: 5, resamples: 4000, nullValue: 5 });
    const excluded = result.low > 5 || result.high < 5;
    expect(result.pValue < 0.05).toBe(excluded);
    expect(bootstrapInterval(x, { seed: 5, resamples: 4000 }).pValue).toBeCloseTo(2 / 4001, 10);
  });

  it('contains the estimate for any data and method', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 3, maxLength: 30 }),
        fc.constantFrom('percentile', 'bca' as const),
        (values, method) => {
          const result = bootstrapInterval(values, { seed: 1, resamples: 500, method });
          expect(result.low).toBeLessThanOrEqual(result.estimate + 1e-9);
          expect(result.high).toBeGreaterThanOrEqual(result.estimate - 1e-9);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('refuses fewer resamples than the confidence needs for both ends to fall inside the replicates', () => {
    // 2/(R + 1) < 0.05 first holds at R = 39 (1 − 0.95 rounds just above 0.05 in binary).
    expect(() => bootstrapInterval(x, { seed: 1, resamples: 38 })).toThrow(
      'bootstrapInterval: resamples must be at least 39 for confidence 0.95, received 38',
    );
    const result = bootstrapInterval(x, { seed: 1, resamples: 39 });
    expect(result.low).toBeLessThan(result.high);
    expect(() => bootstrapInterval(x, { seed: 1, resamples: 198, confidence: 0.99 })).toThrow(/at least 199/);
  });

  it('refuses a missing seed, NaN data and an unknown method', () => {
    // @ts-expect-error: the seed is required by the type too
    expect(() => bootstrapInterval(x, {})).toThrow(/seed is required/);
    expect(() => bootstrapInterval([1, Number.NaN], { seed: 1 })).toThrow(InvalidInputError);
    // @ts-expect-error: unknown method
    expect(() => bootstrapInterval(x, { seed: 1, method: 'studentized' })).toThrow(
      /method must be 'percentile', 'basic' or 'bca'/,
    );
  });
});
