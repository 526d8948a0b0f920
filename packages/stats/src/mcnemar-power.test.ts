import { describe, expect, it } from 'vitest';
import { mcnemarExact } from './mcnemar-exact';
import { mcnemarExactPower, rejectionBound } from './mcnemar-power';
import { createRng } from './rng';

describe('mcnemarExactPower', () => {
  it('matches direct enumeration in scipy', () => {
    // scipy 1.17: Σ_m binom.pmf(m, n, ψ) · Σ_{c rejected} binom.pmf(c, m, (ψ + δ)/(2ψ))
    expect(mcnemarExactPower(100, 0.3, 0.15)).toBeCloseTo(0.7465970434823268, 10);
    expect(mcnemarExactPower(40, 0.4, 0.25)).toBeCloseTo(0.6670894146032461, 10);
  });

  it('agrees with a seeded simulation of the test', () => {
    const rng = createRng('power-simulation');
    const trials = 4000;
    let rejected = 0;
    for (let t = 0; t < trials; t++) {
      let wins = 0;
      let losses = 0;
      for (let i = 0; i < 60; i++) {
        const u = rng.next();
        if (u < 0.25) wins++;
        else if (u < 0.35) losses++;
      }
      if (mcnemarExact(losses, wins).pValue <= 0.05) rejected++;
    }
    expect(Math.abs(rejected / trials - mcnemarExactPower(60, 0.35, 0.15))).toBeLessThan(0.025);
  });

  it('finds the rejection bound of the two-sided exact test', () => {
    // 2·P(X ≤ 0 | 6, ½) = 0.03125 ≤ 0.05 but 2·P(X ≤ 1 | 6, ½) = 0.21875; nothing rejects at m = 5
    expect(rejectionBound(6, 0.05)).toBe(0);
    expect(rejectionBound(5, 0.05)).toBe(-1);
    expect(rejectionBound(20, 0.05)).toBe(5);
  });

  it('refuses an effect larger than the discordant share', () => {
    expect(() => mcnemarExactPower(50, 0.2, 0.3)).toThrow(/effect must satisfy 0 < \|effect\| ≤ pDiscordant \(0.2\)/);
  });
});
