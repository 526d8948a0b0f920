import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from './invalid-input-error';
import { normalCdf } from './normal-cdf';
import { normalQuantile } from './normal-quantile';

// scipy 1.17: [z, scipy.stats.norm.cdf(z)]
const reference: Array<[number, number]> = [
  [-37.5, 4.605353009581954e-308],
  [-10, 7.61985302416047e-24],
  [-8.2, 1.2019351542735735e-16],
  [-5, 2.866515718791933e-7],
  [-3.1, 0.0009676032132183563],
  [-1.959963984540054, 0.025],
  [-1, 0.15865525393145707],
  [-0.5, 0.3085375387259869],
  [0, 0.5],
  [0.25, 0.5987063256829237],
  [1, 0.8413447460685429],
  [1.644853626951472, 0.95],
  [2.5, 0.9937903346742238],
  [6, 0.9999999990134123],
  [8.5, 1],
];

describe('normalCdf', () => {
  it.each(reference)('matches scipy at z = %d to 1e-9 relative', (z, expected) => {
    const actual = normalCdf(z);
    expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * expected + 1e-300);
  });

  it('keeps relative precision deep in the lower tail, where 4-decimal approximations give 0', () => {
    expect(normalCdf(-10) / 7.61985302416047e-24).toBeCloseTo(1, 9);
  });

  it('gives 0 and 1 at the infinities', () => {
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
  });

  it('is symmetric: Φ(z) + Φ(−z) = 1', () => {
    fc.assert(
      fc.property(fc.double({ min: -8, max: 8, noNaN: true }), (z) => {
        expect(normalCdf(z) + normalCdf(-z)).toBeCloseTo(1, 12);
      }),
    );
  });

  it('refuses NaN with a typed error', () => {
    expect(() => normalCdf(Number.NaN)).toThrow(InvalidInputError);
  });

  it('inverts normalQuantile', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (p) => {
        expect(Math.abs(normalCdf(normalQuantile(p)) - p)).toBeLessThan(1e-12 + 1e-9 * p);
      }),
    );
  });
});
