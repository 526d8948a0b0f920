import { describe, expect, it } from 'vitest';
import { pairedTTestPower } from './paired-t-test-power';

/**
 * statsmodels' TTestPower().power(effect_size=d, nobs=n, alpha=α), reimplemented with scipy 1.17:
 *   df = n - 1; crit = stats.t.isf(α/2, df)
 *   power = stats.nct.sf(crit, df, d*sqrt(n)) + stats.nct.cdf(-crit, df, d*sqrt(n))
 * Rows: [n, effect, sdDiff, alpha, power].
 */
const reference: Array<[number, number, number, number, number]> = [
  [8, 0.5, 0.5, 0.05, 0.6808339582062661],
  [10, 0.5, 0.5, 0.05, 0.8030968566327218],
  [9, 0.5, 0.5, 0.05, 0.7480170922294764],
  [2, 2, 1, 0.05, 0.17570741109776006],
  [71, 0.1, 0.3, 0.05, 0.7910385158313669],
  [73, 0.1, 0.3, 0.05, 0.802298943383034],
  [199, 0.2, 1, 0.05, 0.8016910240370655],
  [19, 0.5, 0.5, 0.01, 0.9147180383204452],
];

describe('pairedTTestPower', () => {
  it.each(reference)('n %i, effect %d, SD %d at α %d matches statsmodels TTestPower', (n, effect, sd, alpha, power) => {
    expect(pairedTTestPower(n, effect, sd, alpha)).toBeCloseTo(power, 10);
  });

  it('is the same for a lift and a drop of the same size (two-sided)', () => {
    expect(pairedTTestPower(8, -0.5, 0.5)).toBeCloseTo(pairedTTestPower(8, 0.5, 0.5), 14);
  });

  it('is below the normal approximation Φ(|effect|·√n/sd − z) that it replaces', () => {
    // The z formula claims 0.8074 at n = 8, effect 0.5, SD 0.5; the t-test has 0.6808.
    expect(pairedTTestPower(8, 0.5, 0.5)).toBeLessThan(0.7);
  });

  it('refuses fewer than 2 pairs, a zero effect and a non-positive SD', () => {
    expect(() => pairedTTestPower(1, 0.5, 0.5)).toThrow('pairedTTestPower: n must be an integer ≥ 2, received 1');
    expect(() => pairedTTestPower(5, 0, 0.5)).toThrow(/effect must be a finite number ≠ 0/);
    expect(() => pairedTTestPower(5, 0.5, -1)).toThrow(/sdDiff must be a finite number > 0/);
    expect(() => pairedTTestPower(5, 0.5, 1, 0)).toThrow(/alpha must be a probability in \(0, 1\)/);
  });
});
