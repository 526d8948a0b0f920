import { describe, expect, it } from 'vitest';
import { hedgedCapitalWealth } from './hedged-capital-wealth';
import { plugInBets } from './plug-in-bets';

describe('hedgedCapitalWealth', () => {
  it('multiplies 1 + λ(x − m) with the plug-in bet capped at ½/m', () => {
    // First bet: σ̂₀² = ¼, t = 1: √(2 log 40 / (¼ · 1 · log 2)) = 5.1662…, capped at ½/0.5 = 1 for K⁺ and K⁻.
    expect(plugInBets(0.95).next()).toBeCloseTo(Math.sqrt((2 * Math.log(40)) / (0.25 * Math.log(2))), 12);
    const wealth = hedgedCapitalWealth(0.5, 0.95);
    wealth.observe(1);
    expect(wealth.logAbove).toBeCloseTo(Math.log(1.5), 14);
    expect(wealth.logBelow).toBeCloseTo(Math.log(0.5), 14);
    expect(wealth.count).toBe(1);
  });

  it('gathers evidence below m as m rises, and above m as m falls', () => {
    const values = [0.3, 0.7, 0.1, 0.4, 0.5, 0.2, 0.9, 0.35, 0.45, 0.3];
    const at = (m: number) => {
      const wealth = hedgedCapitalWealth(m, 0.95);
      for (const x of values) wealth.observe(x);
      return wealth;
    };
    const means = [0.1, 0.3, 0.5, 0.7, 0.9];
    const below = means.map((m) => at(m).logBelow);
    const above = means.map((m) => at(m).logAbove);
    for (let i = 1; i < means.length; i++) {
      expect(below[i] as number).toBeGreaterThanOrEqual(below[i - 1] as number);
      expect(above[i] as number).toBeLessThanOrEqual(above[i - 1] as number);
    }
  });

  it('refuses a mean, confidence or observation out of range', () => {
    expect(() => hedgedCapitalWealth(1.2, 0.95)).toThrow(/mean must be a probability/);
    expect(() => hedgedCapitalWealth(0.5, 0)).toThrow(/confidence must be a probability in \(0, 1\)/);
    expect(() => hedgedCapitalWealth(0.5, 0.95).observe(-0.1)).toThrow(/x must be in \[0, 1\], received -0.1/);
  });
});
