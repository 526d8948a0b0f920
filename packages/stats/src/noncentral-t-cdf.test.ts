import { describe, expect, it } from 'vitest';
import { noncentralTCdf } from './noncentral-t-cdf';

/**
 * [t, df, δ, P(T ≤ t)]: mpmath at 40 digits, E_V[Φ(t·√(V/df) − δ)] for V ~ χ²(df) by mp.quad, which agrees
 * with scipy 1.17 stats.nct.cdf(t, df, δ) to 2e-15 on every row. The series' error grows with δ (1e-13 at δ = 30).
 */
const reference: Array<[number, number, number, number]> = [
  [2.5, 5, 1, 0.8634436555970015],
  [1.96, 20, 2.8, 0.20432161354059483],
  [-1.5, 10, 0.5, 0.03097519653407733],
  [0, 7, 3, 0.0013498980316300946],
  [4, 3, 2, 0.8160500042448479],
  [10, 2, 8, 0.5286903892204009],
  [2.0, 100, 2.5, 0.30851821469316487],
  [-2, 15, -1, 0.18167223032892782],
  [3, 1000, 2, 0.8406201459600922],
  [2.2281388519649385, 10, 3.5, 0.11717592710146789],
  [35, 50, 30, 0.9099260192605225],
  [12.706204736174705, 1, 14.142135623730951, 0.267180410194288],
  [0.5, 4, -2, 0.9925825934732353],
  [-0.3, 9, 2.5, 0.002675217068732663],
  [2.0, 30, 0.01, 0.972071464057443],
];

describe('noncentralTCdf', () => {
  it.each(reference)('P(T ≤ %d | df %d, δ %d) matches mpmath and scipy nct.cdf', (t, df, delta, expected) => {
    expect(noncentralTCdf(t, df, delta)).toBeCloseTo(expected, Math.abs(delta) <= 8 ? 13 : 12);
  });

  it('is the central t CDF at δ = 0', () => {
    // scipy: t.cdf(2.0, 7) = 0.957190335718512
    expect(noncentralTCdf(2, 7, 0)).toBeCloseTo(0.957190335718512, 14);
  });

  it('stays accurate for a large noncentrality, where a series started at j = 0 loses the mass', () => {
    // jStat.noncentralt.cdf(10, 1, 30) returns 9.6e-42; mpmath (as above) 0.0028347490802593943, scipy 0.002834749080259392.
    expect(noncentralTCdf(10, 1, 30)).toBeCloseTo(0.0028347490802593943, 12);
  });

  it('gives 0 and 1 at the infinities and refuses invalid parameters', () => {
    expect(noncentralTCdf(Number.NEGATIVE_INFINITY, 5, 2)).toBe(0);
    expect(noncentralTCdf(Number.POSITIVE_INFINITY, 5, 2)).toBe(1);
    expect(() => noncentralTCdf(1, 0, 2)).toThrow('noncentralTCdf: df must be > 0, received 0');
    expect(() => noncentralTCdf(Number.NaN, 3, 2)).toThrow('noncentralTCdf: t must be a number, received NaN');
    expect(() => noncentralTCdf(1, 3, Number.POSITIVE_INFINITY)).toThrow(/noncentrality must be finite/);
  });
});
