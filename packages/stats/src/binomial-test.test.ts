import { describe, expect, it } from 'vitest';
import { binomialTest } from './binomial-test';
import { InvalidInputError } from './invalid-input-error';

// scipy 1.17: scipy.stats.binomtest(k, n, p, alternative).pvalue (same algorithm as R's binom.test).
const reference = [
  { k: 682, n: 925, p: 0.75, twoSided: 0.3824915595748517, greater: 0.8240891223524226, less: 0.19600926705388308 },
  { k: 3, n: 10, p: 0.5, twoSided: 0.34375, greater: 0.9453125, less: 0.171875 },
  { k: 7, n: 10, p: 0.3, twoSided: 0.010592078399999996, greater: 0.010592078399999996, less: 0.9984096136 },
  { k: 0, n: 10, p: 0.5, twoSided: 0.001953125, greater: 1, less: 0.0009765625 },
  { k: 10, n: 10, p: 0.5, twoSided: 0.001953125, greater: 0.0009765625, less: 1 },
  { k: 5, n: 10, p: 0.5, twoSided: 1, greater: 0.623046875, less: 0.623046875 },
  { k: 2, n: 20, p: 0.1, twoSided: 1, greater: 0.6082530018748321, less: 0.6769268051894659 },
  { k: 1, n: 20, p: 0.1, twoSided: 0.7148201929357019, greater: 0.8784233454094308, less: 0.3917469981251679 },
  { k: 15, n: 40, p: 0.25, twoSided: 0.09771123059065044, greater: 0.05443724801863482, less: 0.9737551159162571 },
  { k: 9, n: 12, p: 0.5, twoSided: 0.14599609375, greater: 0.072998046875, less: 0.980712890625 },
  { k: 0, n: 1, p: 0.5, twoSided: 1, greater: 1, less: 0.5 },
  { k: 51, n: 235, p: 1 / 6, twoSided: 0.043747970182399884, greater: 0.02654424571169087, less: 0.9820226576058582 },
  { k: 33, n: 100, p: 0.2, twoSided: 0.0024058389164158984, greater: 0.001550440554197464, less: 0.9992631163984544 },
];

describe('binomialTest', () => {
  it.each(reference)('matches scipy binomtest for k=$k, n=$n, p=$p', ({ k, n, p, twoSided, greater, less }) => {
    expect(binomialTest(k, n, p)).toBeCloseTo(twoSided, 10);
    expect(binomialTest(k, n, p, 'greater')).toBeCloseTo(greater, 10);
    expect(binomialTest(k, n, p, 'less')).toBeCloseTo(less, 10);
  });

  it('matches R binom.test(682, 925, p = 0.75) from its documentation example', () => {
    // R: binom.test(682, 925, p = 0.75)$p.value = 0.3825
    expect(binomialTest(682, 925, 0.75)).toBeCloseTo(0.3825, 4);
  });

  it('refuses k > n, fractional counts and p outside [0, 1]', () => {
    expect(() => binomialTest(11, 10)).toThrow(/k must be ≤ n \(10\), received 11/);
    expect(() => binomialTest(2.5, 10)).toThrow(InvalidInputError);
    expect(() => binomialTest(2, 10, 1.2)).toThrow(/p must be a probability/);
    // @ts-expect-error: an unknown alternative is a runtime error too
    expect(() => binomialTest(2, 10, 0.5, 'bigger')).toThrow(/alternative must be/);
  });
});
