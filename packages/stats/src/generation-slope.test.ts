import { describe, expect, it } from 'vitest';
import { generationSlope } from './generation-slope';
import { InvalidInputError } from './invalid-input-error';

const at = (generation: number, ...values: number[]) => values.map((value) => ({ generation, value }));

describe('generationSlope', () => {
  it('is the least-squares slope over every task: 0.25 for 0/1, 1/1, 1/1 at generations 0, 1, 2', () => {
    // x̄ = 1, ȳ = 5/6; Σ(x − x̄)(y − ȳ) = 4/6 + 0 + 2/6 = 1; Σ(x − x̄)² = 4.
    const result = generationSlope([...at(0, 0, 1), ...at(1, 1, 1), ...at(2, 1, 1)], { seed: 1 });
    expect(result.estimate).toBeCloseTo(0.25, 12);
    expect(result.n).toBe(6);
  });

  it('matches a hand-computed slope with unequal generations, and is exactly 0 when nothing changes', () => {
    // Means 0.5, 0.75, 0.25 at 0, 1, 3 with 2, 4, 2 tasks: x̄ = 1.25, Σ(x − x̄)(y − ȳ) = −1.125, Σ(x − x̄)² = 9.5.
    const points = [...at(0, 0, 1), ...at(1, 1, 1, 1, 0), ...at(3, 0, 0.5)];
    expect(generationSlope(points, { seed: 1 }).estimate).toBeCloseTo(-1.125 / 9.5, 12);
    const flat = generationSlope([...at(0, 1, 0), ...at(1, 0, 1), ...at(2, 1, 0)], { seed: 1 });
    expect(flat.estimate).toBe(0);
    expect(flat.low).toBeLessThan(0);
    expect(flat.high).toBeGreaterThan(0);
  });

  it('puts a steady climb above 0 and a constant outcome at exactly 0 with no width', () => {
    const climb = [0, 1, 2, 3, 4].flatMap((g) =>
      at(g, ...Array.from({ length: 40 }, (_, i) => (i < 8 + 6 * g ? 1 : 0))),
    );
    const result = generationSlope(climb, { seed: 7 });
    expect(result.estimate).toBeCloseTo(0.15, 12);
    expect(result.low).toBeGreaterThan(0.1);
    expect(result.pValue).toBeLessThan(0.001);
    const constant = generationSlope([...at(0, 1, 1), ...at(1, 1, 1)], { seed: 7 });
    expect([constant.estimate, constant.low, constant.high]).toEqual([0, 0, 0]);
  });

  it('is reproducible by seed and refuses one generation or a lone task', () => {
    const points = [...at(0, 0, 1, 0), ...at(1, 1, 0, 1), ...at(2, 1, 1, 0)];
    expect(generationSlope(points, { seed: 'a' })).toEqual(generationSlope(points, { seed: 'a' }));
    expect(() => generationSlope(at(0, 1, 0), { seed: 1 })).toThrow(InvalidInputError);
    expect(() => generationSlope([...at(0, 1, 0), ...at(1, 1)], { seed: 1 })).toThrow(/generation 1 has 1/);
  });
});
