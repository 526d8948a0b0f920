import { describe, expect, it } from 'vitest';
import { mcnemarExactPower } from './mcnemar-power';
import { requiredSampleSize } from './required-sample-size';

describe('requiredSampleSize', () => {
  it('sizes a graded comparison by the normal formula', () => {
    // scipy: ((norm.ppf(0.975) + norm.ppf(0.8)) · 0.3 / 0.1)² = 70.64 → 71
    expect(requiredSampleSize({ effect: 0.1, sdDiff: 0.3 })).toMatchObject({ n: 71, method: 'normal' });
  });

  it("sizes a pass/fail comparison by Connor's formula", () => {
    // scipy: (z.975·√0.3 + z.8·√(0.3 − 0.15²))² / 0.15² = 102.26 → 103
    expect(requiredSampleSize({ effect: 0.15, pDiscordant: 0.3, method: 'normal' }).n).toBe(103);
  });

  it('finds the smallest n at which the exact McNemar test reaches the power', () => {
    const plan = requiredSampleSize({ effect: 0.15, pDiscordant: 0.3 });
    expect(plan.method).toBe('exact');
    expect(plan.achievedPower).toBeGreaterThanOrEqual(0.8);
    for (let n = 1; n < plan.n; n++) expect(mcnemarExactPower(n, 0.3, 0.15)).toBeLessThan(0.8);
    expect(plan.n).toBe(112);
  });

  it('refuses a zero effect and a non-positive SD', () => {
    expect(() => requiredSampleSize({ effect: 0, sdDiff: 0.3 })).toThrow(/effect must be a finite number ≠ 0/);
    expect(() => requiredSampleSize({ effect: 0.1, sdDiff: 0 })).toThrow(/sdDiff must be a finite number > 0/);
    expect(() => requiredSampleSize({ effect: 0.1, sdDiff: 1, power: 1 })).toThrow(/power must be a probability/);
  });
});
