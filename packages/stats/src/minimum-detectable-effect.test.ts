import { describe, expect, it } from 'vitest';
import { mcnemarExactPower } from './mcnemar-power';
import { minimumDetectableEffect } from './minimum-detectable-effect';
import { requiredSampleSize } from './required-sample-size';

describe('minimumDetectableEffect', () => {
  // brentq(lambda d: TTestPower().power(d, n, α) − power, …) · sdDiff with the scipy reimplementation in
  // paired-t-test-power.test.ts. The z formula it replaces gave 0.11886, 0.88594 and 1.61750 (t-test power
  // 0.784, 0.704, 0.352). [n, sdDiff, alpha, power, effect].
  it.each([
    [50, 0.3, 0.05, 0.8, 0.12125490064081274],
    [10, 1, 0.05, 0.8, 0.996001371455444],
    [3, 1, 0.05, 0.8, 3.2640435496995734],
    [200, 0.5, 0.01, 0.9, 0.1375283332245523],
  ])('inverts the paired t-test power at n %i, SD %d, α %d, power %d', (n, sdDiff, alpha, power, expected) => {
    const { effect, method } = minimumDetectableEffect({ n, sdDiff, alpha, power });
    expect(method).toBe('t');
    expect(effect as number).toBeCloseTo(expected, 9);
  });

  it('has no detectable effect for a graded comparison of one pair (a t-test needs two)', () => {
    expect(minimumDetectableEffect({ n: 1, sdDiff: 0.3 })).toEqual({ effect: null, method: 't' });
  });

  it('finds the smallest pass/fail lift the exact test detects', () => {
    const { effect } = minimumDetectableEffect({ n: 100, pDiscordant: 0.3 });
    expect(effect).not.toBeNull();
    expect(mcnemarExactPower(100, 0.3, effect as number)).toBeGreaterThanOrEqual(0.8);
    expect(mcnemarExactPower(100, 0.3, (effect as number) - 1e-6)).toBeLessThan(0.8);
  });

  it('agrees with requiredSampleSize under the normal approximation', () => {
    const { effect } = minimumDetectableEffect({ n: 200, pDiscordant: 0.3, method: 'normal' });
    const plan = requiredSampleSize({ effect: effect as number, pDiscordant: 0.3, method: 'normal' });
    expect(Math.abs(plan.n - 200)).toBeLessThanOrEqual(1);
  });

  it('says null when no lift is detectable with so few tasks', () => {
    expect(minimumDetectableEffect({ n: 4, pDiscordant: 0.5 })).toEqual({ effect: null, method: 'exact' });
  });
});
