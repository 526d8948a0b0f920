import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wilsonInterval } from './wilson-interval';

// scipy 1.17: binomtest(k, n).proportion_ci(confidence_level, method='wilson')
const reference: Array<[number, number, number, number, number]> = [
  [7, 10, 0.95, 0.39677814746114526, 0.892208732593699],
  [0, 10, 0.95, 0, 0.27753279986288926],
  [10, 10, 0.95, 0.7224672001371109, 1],
  [1, 30, 0.9, 0.007471878764942319, 0.136404142151817],
  [45, 50, 0.99, 0.7402692104043159, 0.9660091162215817],
  [150, 400, 0.95, 0.328957079463163, 0.4234209941204111],
];

describe('wilsonInterval', () => {
  it.each(reference)('%i of %i at %d matches scipy', (k, n, confidence, low, high) => {
    const interval = wilsonInterval(k, n, confidence);
    expect(interval.low).toBeCloseTo(low, 12);
    expect(interval.high).toBeCloseTo(high, 12);
    expect(interval.estimate).toBe(k / n);
  });

  it('always contains the estimate and stays in [0, 1]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, share) => {
        const k = Math.round(share * n);
        const interval = wilsonInterval(k, n);
        expect(interval.low).toBeGreaterThanOrEqual(0);
        expect(interval.high).toBeLessThanOrEqual(1);
        expect(interval.low).toBeLessThanOrEqual(interval.estimate + 1e-12);
        expect(interval.high).toBeGreaterThanOrEqual(interval.estimate - 1e-12);
      }),
    );
  });

  it('refuses successes above n and a confidence of 1', () => {
    expect(() => wilsonInterval(11, 10)).toThrow(/successes must be ≤ n \(10\)/);
    expect(() => wilsonInterval(1, 10, 1)).toThrow(/confidence must be a probability in \(0, 1\)/);
  });
});
