import { describe, expect, it } from 'vitest';
import { mcnemarExactPower } from './mcnemar-power';
import { pairedTTestPower } from './paired-t-test-power';
import { requiredSampleSize } from './required-sample-size';

describe('requiredSampleSize', () => {
  // Smallest n with statsmodels TTestPower().power(effect/sd, n, α) ≥ target, reimplemented with scipy
  // (see paired-t-test-power.test.ts): n = 2, 3, … until it holds. [effect, sdDiff, alpha, power, n, achieved].
  // The z formula it replaces returned 8, 71 and 197 for the first three (t-test power 0.681, 0.791, 0.798).
  it.each([
    [0.5, 0.5, 0.05, 0.8, 10, 0.8030968566327218],
    [0.1, 0.3, 0.05, 0.8, 73, 0.802298943383034],
    [0.2, 1, 0.05, 0.8, 199, 0.8016910240370655],
    [1, 0.5, 0.05, 0.8, 5, 0.9088848681009402],
    [0.5, 0.5, 0.01, 0.9, 19, 0.9147180383204452],
  ])(
    'sizes a graded comparison (effect %d, SD %d, α %d, power %d) by the paired t-test: %i pairs',
    (effect, sdDiff, alpha, power, n, achieved) => {
      const plan = requiredSampleSize({ effect, sdDiff, alpha, power });
      expect(plan).toMatchObject({ n, method: 't' });
      expect(plan.achievedPower).toBeCloseTo(achieved, 10);
      expect(pairedTTestPower(n - 1, effect, sdDiff, alpha)).toBeLessThan(power);
    },
  );

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
