import { describe, expect, it } from 'vitest';
import { mcnemarExactPower } from './mcnemar-power';
import { minimumDetectableEffect } from './minimum-detectable-effect';
import { requiredSampleSize } from './required-sample-size';

describe('minimumDetectableEffect', () => {
  it('inverts the normal formula', () => {
    // scipy: (norm.ppf(0.975) + norm.ppf(0.8)) · 0.3 / √50 = 0.11886119434798036
    expect(minimumDetectableEffect({ n: 50, sdDiff: 0.3 }).effect).toBeCloseTo(0.11886119434798036, 12);
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
