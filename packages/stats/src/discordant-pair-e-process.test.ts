import { describe, expect, it } from 'vitest';
import { discordantPairEProcess } from './discordant-pair-e-process';
import { InvalidInputError } from './invalid-input-error';

describe('discordantPairEProcess', () => {
  it('bets clip(2θ̂ − 1, 0, ½) from the past only, with θ̂ the win share shrunk toward ½', () => {
    const e = discordantPairEProcess();
    expect(e.nextBet).toBe(0); // θ̂ = 1/2 before any pair
    expect(e.observe(1)).toBe(1); // the first bet is 0
    expect(e.nextBet).toBeCloseTo(1 / 3, 15); // θ̂ = 2/3
    expect(e.observe(1)).toBeCloseTo(4 / 3, 15);
    expect(e.nextBet).toBe(0.5); // θ̂ = 3/4, at the cap
    expect(e.observe(-1)).toBeCloseTo(2 / 3, 15); // a loss halves the wealth
    expect(e.nextBet).toBeCloseTo(0.2, 15); // θ̂ = 3/5
    expect(e).toMatchObject({ wins: 2, losses: 1 });
  });

  it('leaves the wealth unchanged on concordant pairs', () => {
    const e = discordantPairEProcess();
    e.observe(1);
    e.observe(1);
    const before = e.eValue;
    for (let i = 0; i < 10; i++) e.observe(0);
    expect(e.eValue).toBe(before);
    expect(e.nextBet).toBe(0.5);
  });

  it('never bets on a candidate that is losing', () => {
    const e = discordantPairEProcess();
    e.observe(-1);
    expect(e.nextBet).toBe(0);
    expect(e.observe(1)).toBe(1);
  });

  it('grows by at most ×1.5 per win, so 1/α = 40 needs at least 10 discordant pairs', () => {
    const e = discordantPairEProcess();
    const path = Array.from({ length: 11 }, () => e.observe(1));
    // bets 0, 1/3, then ½ from the third win: (4/3)·1.5^k.
    expect(path[8]).toBeCloseTo((4 / 3) * 1.5 ** 7, 10); // 22.78
    expect(path[9]).toBeCloseTo((4 / 3) * 1.5 ** 8, 10); // 34.17 < 40
    expect(path[10] as number).toBeGreaterThan(40); // 51.26
  });

  it('keeps its logarithm where the e-value overflows', () => {
    const e = discordantPairEProcess();
    for (let i = 0; i < 3000; i++) e.observe(1);
    expect(e.eValue).toBe(Number.POSITIVE_INFINITY);
    expect(e.logEValue).toBeCloseTo(Math.log(4 / 3) + 2998 * Math.log(1.5), 6);
  });

  it('refuses a difference that is not a pass/fail difference', () => {
    const e = discordantPairEProcess();
    expect(() => e.observe(0.5)).toThrow(InvalidInputError);
    expect(() => e.observe(2)).toThrow(/must be −1, 0 or 1/);
  });
});
