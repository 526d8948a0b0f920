import { describe, expect, it } from 'vitest';
import { mcnemarExact } from './mcnemar-exact';

// statsmodels mcnemar(table, exact=True): statistic = min(b, c), pvalue = min(1, 2·binom.cdf(min, b + c, 0.5)),
// values computed with scipy 1.17's binom.cdf.
const reference: Array<[number, number, number, number]> = [
  [0, 0, 0, 1],
  [2, 9, 2, 0.0654296875],
  [9, 2, 2, 0.0654296875],
  [0, 6, 0, 0.03125],
  [5, 5, 5, 1],
  [10, 3, 3, 0.09228515625],
  [1, 25, 1, 8.046627044677734e-7],
  [40, 60, 40, 0.05688793364098089],
  [101, 121, 101, 0.20213432065995843],
];

describe('mcnemarExact', () => {
  it.each(reference)('b=%i, c=%i gives statistic %i and p %d', (b, c, statistic, pValue) => {
    const result = mcnemarExact(b, c);
    expect(result.statistic).toBe(statistic);
    expect(result.pValue).toBeCloseTo(pValue, 12);
  });

  it('is symmetric in b and c', () => {
    expect(mcnemarExact(3, 17)).toEqual(mcnemarExact(17, 3));
  });

  it('refuses negative or fractional counts', () => {
    expect(() => mcnemarExact(-1, 3)).toThrow(/mcnemarExact: b must be an integer ≥ 0/);
    expect(() => mcnemarExact(1, 2.5)).toThrow(/c must be an integer/);
  });
});
