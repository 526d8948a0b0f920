import { createRng } from '@ratchet/stats';
import { describe, expect, it } from 'vitest';
import type { NumberSpace } from './parameter-space';
import { freshNumber, isLogScaled, reflect, stepNumber } from './step-number';

const space = (partial: Partial<NumberSpace>): NumberSpace => ({
  integer: false,
  lo: undefined,
  hi: undefined,
  loOpen: false,
  hiOpen: false,
  multipleOf: undefined,
  ...partial,
});

function sd(values: readonly number[]): number {
  const mean = values.reduce((sum, x) => sum + x, 0) / values.length;
  return Math.sqrt(values.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (values.length - 1));
}

describe('reflect', () => {
  it('folds a value past a bound back inside, as a mirror', () => {
    expect(reflect(1.25, 0, 1)).toBe(0.75);
    expect(reflect(-0.25, 0, 1)).toBe(0.25);
    expect(reflect(2.25, 0, 1)).toBe(0.25);
    expect(reflect(-3, 1, undefined)).toBe(5);
    expect(reflect(12, undefined, 10)).toBe(8);
    expect(reflect(0.5, 0, 1)).toBe(0.5);
  });
});

describe('isLogScaled', () => {
  it('takes log steps over positive ranges of two or more orders of magnitude, and open-at-zero ranges', () => {
    expect(isLogScaled(space({ lo: 1, hi: 100_000_000, integer: true }))).toBe(true);
    expect(isLogScaled(space({ lo: 1, hi: 100 }))).toBe(true);
    expect(isLogScaled(space({ lo: 0, loOpen: true, hi: 10 }))).toBe(true);
    expect(isLogScaled(space({ lo: 1, hi: 99 }))).toBe(false);
    expect(isLogScaled(space({ lo: 0, hi: 1 }))).toBe(false);
    expect(isLogScaled(space({}))).toBe(false);
  });
});

describe('stepNumber', () => {
  it('steps a linear range with a standard deviation of stepScale × range (0.2 × 1 here)', () => {
    const random = createRng('linear');
    const noise = space({ lo: 0, hi: 1 });
    const steps = Array.from({ length: 4000 }, () => stepNumber(0.5, noise, 0.2, random));
    expect(steps.every((x) => x >= 0 && x <= 1)).toBe(true);
    // Reflection beyond 2.5 sd trims the sd slightly below 0.2; its SE at n = 4,000 is ≈ 0.0022.
    expect(sd(steps)).toBeGreaterThan(0.185);
    expect(sd(steps)).toBeLessThan(0.206);
  });

  it('steps a wide positive range in log space: the log step has sd 0.2 × ln(1e8) ≈ 3.68', () => {
    const random = createRng('log');
    const restartEvery = space({ lo: 1, hi: 100_000_000, integer: true });
    const logSteps = Array.from({ length: 4000 }, () =>
      Math.log(stepNumber(10_000, restartEvery, 0.2, random) / 10_000),
    );
    expect(sd(logSteps)).toBeGreaterThan(3.4);
    expect(sd(logSteps)).toBeLessThan(3.9);
  });

  it('moves an integer at least one step, never out of its bounds', () => {
    const random = createRng('int');
    const depth = space({ lo: 0, hi: 3, integer: true });
    for (const from of [0, 1, 2, 3]) {
      const seen = new Set(Array.from({ length: 200 }, () => stepNumber(from, depth, 0.2, random)));
      expect(seen.has(from)).toBe(false);
      expect([...seen].every((x) => Number.isInteger(x) && x >= 0 && x <= 3)).toBe(true);
    }
  });

  it('stays strictly inside an open bound and on a multipleOf grid', () => {
    const random = createRng('open');
    const boost = space({ lo: 0, loOpen: true, hi: 10 });
    const halves = space({ lo: 0, hi: 5, multipleOf: 0.5 });
    for (let i = 0; i < 500; i++) {
      const x = stepNumber(0.001, boost, 1, random);
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThanOrEqual(10);
      expect((stepNumber(2.5, halves, 0.2, random) * 2) % 1).toBe(0);
    }
  });
});

describe('freshNumber', () => {
  it('starts from the middle of a bounded range and from 1 for an open multiplier', () => {
    const random = createRng('fresh');
    const depth = Array.from({ length: 400 }, () => freshNumber(space({ lo: 1, hi: 8, integer: true }), 0.2, random));
    const meanDepth = depth.reduce((sum, x) => sum + x, 0) / depth.length;
    expect(meanDepth).toBeGreaterThan(4);
    expect(meanDepth).toBeLessThan(5);
    const boosts = Array.from({ length: 400 }, () => freshNumber(space({ lo: 0, loOpen: true, hi: 10 }), 0.2, random));
    const meanLog = boosts.reduce((sum, x) => sum + Math.log(x), 0) / boosts.length;
    // Log-normal around 1: the mean log is 0 with SE 0.2·ln 10/√400 ≈ 0.023.
    expect(Math.abs(meanLog)).toBeLessThan(0.1);
  });
});
