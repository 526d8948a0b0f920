import { describe, expect, it } from 'vitest';
import { discordantMixtureEValue } from './discordant-mixture-e-value';

/** 2 ∫_{½}^{1} θ^W (1 − θ)^L dθ / (½)^{W+L} by the midpoint rule, an independent check of the closed form. */
function integrated(wins: number, losses: number): number {
  const steps = 100_000;
  let sum = 0;
  for (let i = 0; i < steps; i++) {
    const theta = 0.5 + (0.5 * (i + 0.5)) / steps;
    sum += theta ** wins * (1 - theta) ** losses;
  }
  return (2 * sum * (0.5 / steps)) / 0.5 ** (wins + losses);
}

describe('discordantMixtureEValue', () => {
  it('is 1 before any discordant pair', () => {
    expect(discordantMixtureEValue(0, 0)).toBeCloseTo(1, 14);
  });

  it('matches the closed form by hand', () => {
    // 10 wins: 2^11 · B(11, 1) · P(Bin(11, ½) ≤ 10) = 2048 · (1/11) · (2047/2048) = 2047/11.
    expect(discordantMixtureEValue(10, 0)).toBeCloseTo(2047 / 11, 10);
    // 7 wins, 3 losses: 2^11 · (7!·3!/11!) · (1 − 232/2048) = 1816/1320.
    expect(discordantMixtureEValue(7, 3)).toBeCloseTo(1816 / 1320, 12);
  });

  it('agrees with numerical integration of the mixture', () => {
    for (const [wins, losses] of [
      [3, 7],
      [12, 4],
      [30, 25],
    ] as const) {
      expect(discordantMixtureEValue(wins, losses)).toBeCloseTo(integrated(wins, losses), 6);
    }
  });

  it('falls below 1 when the candidate loses more than it wins', () => {
    expect(discordantMixtureEValue(3, 7)).toBeLessThan(0.2);
    // More losses at the same wins only lowers it: each θ ≥ ½ gives a losing pair likelihood ratio 2(1 − θ) ≤ 1.
    expect(discordantMixtureEValue(40, 60)).toBeLessThan(discordantMixtureEValue(40, 50));
    expect(discordantMixtureEValue(40, 50)).toBeLessThan(1);
  });

  it('refuses counts that are not whole numbers', () => {
    expect(() => discordantMixtureEValue(1.5, 0)).toThrow(/wins must be an integer/);
    expect(() => discordantMixtureEValue(1, -1)).toThrow(/losses must be an integer/);
  });
});
