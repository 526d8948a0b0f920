import { describe, expect, it } from 'vitest';
import { bettingConfidenceSequence } from './betting-confidence-sequence';
import { clopperPearsonInterval } from './clopper-pearson-interval';
import { hedgedCapitalWealth } from './hedged-capital-wealth';
import { createRng } from './rng';

const quarter = Array.from({ length: 100 }, (_, i) => (i % 4 === 0 ? 1 : 0));

describe('bettingConfidenceSequence', () => {
  it('matches a brute-force grid of the hedged wealth', () => {
    // The interval is every m on a fine grid where both of hedgedCapitalWealth's processes stay below 2/α.
    const barrier = Math.log(2 / 0.05);
    const kept: number[] = [];
    for (let i = 0; i <= 2000; i++) {
      const m = i / 2000;
      const wealth = hedgedCapitalWealth(m, 0.95);
      for (const x of quarter) wealth.observe(x);
      if (wealth.logAbove < barrier && wealth.logBelow < barrier) kept.push(m);
    }
    const sequence = bettingConfidenceSequence(quarter);
    expect(sequence.estimate).toBe(0.25);
    expect(Math.abs(sequence.low - (kept[0] as number))).toBeLessThanOrEqual(1 / 2000);
    expect(Math.abs(sequence.high - (kept.at(-1) as number))).toBeLessThanOrEqual(1 / 2000);
    expect(sequence.low).toBeCloseTo(0.13672011697849484, 9);
    expect(sequence.high).toBeCloseTo(0.3958087800656358, 9);
  });

  it('is wider than the fixed-n Clopper–Pearson interval: the price of looking at every n', () => {
    const sequence = bettingConfidenceSequence(quarter);
    const fixed = clopperPearsonInterval(25, 100);
    expect(sequence.low).toBeLessThan(fixed.low);
    expect(sequence.high).toBeGreaterThan(fixed.high);
  });

  it('narrows as observations accumulate', () => {
    const rng = createRng('cs-narrows');
    const values = Array.from({ length: 800 }, () => rng.next());
    const widths = [50, 200, 800].map((n) => {
      const { low, high } = bettingConfidenceSequence(values.slice(0, n));
      return high - low;
    });
    expect(widths[1] as number).toBeLessThan(widths[0] as number);
    expect(widths[2] as number).toBeLessThan((widths[1] as number) / 1.5);
  });

  it('keeps the true mean inside at every n at once, at least 95% of the time', () => {
    // 400 sequences of 150 skewed draws (the mean of three uniforms, cubed); the mean is
    // E[((U₁+U₂+U₃)/3)³] = (1.5³ + 3 · 1.5 · ¼)/27 = 1/6 (the Irwin–Hall sum: mean 1.5, variance ¼, no skew). Checked after every observation:
    // the sequence is valid at every n, so a miss at any n counts. 400 runs: a 99% Clopper–Pearson lower
    // bound on the miss rate must stay at or below 5%.
    const rng = createRng('cs-coverage');
    const truth = 1 / 6;
    let missed = 0;
    for (let run = 0; run < 400; run++) {
      const above = hedgedCapitalWealth(truth, 0.95);
      let miss = false;
      for (let i = 0; i < 150; i++) {
        const x = ((rng.next() + rng.next() + rng.next()) / 3) ** 3;
        above.observe(x);
        if (Math.max(above.logAbove, above.logBelow) >= Math.log(40)) miss = true;
      }
      if (miss) missed++;
    }
    expect(clopperPearsonInterval(missed, 400, 0.98).low).toBeLessThanOrEqual(0.05);
  });

  it('refuses values outside [0, 1] and an empty sample', () => {
    expect(() => bettingConfidenceSequence([0.2, 1.5])).toThrow(/values\[1\] must be in \[0, 1\], received 1.5/);
    expect(() => bettingConfidenceSequence([])).toThrow(/needs at least 1 value/);
    expect(() => bettingConfidenceSequence([0.5], 1)).toThrow(/confidence must be a probability/);
  });
});
