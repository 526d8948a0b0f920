import { describe, expect, it } from 'vitest';
import { hypervolume } from './hypervolume';

const max = (name: string) => ({ name, direction: 'maximize' }) as const;
const min = (name: string) => ({ name, direction: 'minimize' }) as const;

describe('hypervolume', () => {
  it('is the best gain beyond the reference in one dimension, in either direction', () => {
    // max(3, 5) − 1; −1 is below the reference and adds nothing.
    expect(hypervolume([{ x: 3 }, { x: 5 }, { x: -1 }], [max('x')], { x: 1 })).toBe(4);
    // 10 − min(2, 7)
    expect(hypervolume([{ usd: 2 }, { usd: 7 }], [min('usd')], { usd: 10 })).toBe(8);
  });

  it('adds two overlapping rectangles once each, minus their overlap, in two dimensions', () => {
    const xy = [max('x'), max('y')];
    // 3×1 + 1×3 − 1×1
    expect(
      hypervolume(
        [
          { x: 3, y: 1 },
          { x: 1, y: 3 },
        ],
        xy,
        { x: 0, y: 0 },
      ),
    ).toBe(5);
    // A dominated point and a point on the reference's edge change nothing.
    expect(
      hypervolume(
        [
          { x: 3, y: 1 },
          { x: 1, y: 3 },
          { x: 1, y: 1 },
          { x: 0, y: 10 },
        ],
        xy,
        { x: 0, y: 0 },
      ),
    ).toBe(5);
  });

  it('reads minimize objectives against an upper bound', () => {
    // Gains (success, 10 − usd): (0.9, 2) and (0.5, 8): 1.8 + 4 − 0.5×2 = 4.8
    const volume = hypervolume(
      [
        { success: 0.9, usd: 8 },
        { success: 0.5, usd: 2 },
      ],
      [max('success'), min('usd')],
      { success: 0, usd: 10 },
    );
    expect(volume).toBeCloseTo(4.8, 12);
  });

  it('is the union of boxes in three dimensions', () => {
    const xyz = [max('x'), max('y'), max('z')];
    const origin = { x: 0, y: 0, z: 0 };
    // Three 2×1×1 boxes: 3×2 − 3 pairwise overlaps of 1 + the triple overlap of 1
    expect(
      hypervolume(
        [
          { x: 2, y: 1, z: 1 },
          { x: 1, y: 2, z: 1 },
          { x: 1, y: 1, z: 2 },
        ],
        xyz,
        origin,
      ),
    ).toBe(4);
    // 3×2×1 + 1×1×3 − 1×1×1
    expect(
      hypervolume(
        [
          { x: 3, y: 2, z: 1 },
          { x: 1, y: 1, z: 3 },
        ],
        xyz,
        origin,
      ),
    ).toBe(8);
  });

  it('is 0 for an empty front', () => {
    expect(hypervolume([], [max('x')], { x: 0 })).toBe(0);
  });

  it('refuses a reference without every objective, and a point with an unmeasured value', () => {
    expect(() => hypervolume([{ x: 1, y: 1 }], [max('x'), max('y')], { x: 0 })).toThrow(
      /reference value of objective "y" is undefined/,
    );
    expect(() => hypervolume([{ x: 1, y: null }], [max('x'), max('y')], { x: 0, y: 0 })).toThrow(
      /point 0, objective "y" is null/,
    );
  });
});
