import { createRng } from '@ratchet/stats';
import { describe, expect, it } from 'vitest';
import type { ScoreMatrix, TaskScores } from '../score-matrix';
import { instanceFronts } from './instance-fronts';
import { removeDominated } from './remove-dominated';
import { parentProbabilities, selectParent } from './select-parent';

const matrixOf = (rows: Record<string, Record<string, TaskScores>>): ScoreMatrix =>
  new Map(Object.entries(rows).map(([hash, tasks]) => [hash, new Map(Object.entries(tasks))]));

const success = { name: 'success', direction: 'maximize' } as const;

// Fronts t1 {a, b}, t2 {b, c}, t3 {a, c}, t4 {c}; with means a 0.5, b 0.5, c 0.75 removal takes b,
// leaving t1 {a}, t2 {c}, t3 {a, c}, t4 {c}: a on 2 fronts, c on 3, so P(a) = 2/5 and P(c) = 3/5.
const reduced = removeDominated(
  instanceFronts(
    matrixOf({
      a: { t1: { success: 1 }, t2: { success: 0 }, t3: { success: 1 }, t4: { success: 0 } },
      b: { t1: { success: 1 }, t2: { success: 1 }, t3: { success: 0 }, t4: { success: 0 } },
      c: { t1: { success: 0 }, t2: { success: 1 }, t3: { success: 1 }, t4: { success: 1 } },
    }),
    [success],
  ),
  new Map([
    ['a', 0.5],
    ['b', 0.5],
    ['c', 0.75],
  ]),
);

describe('parentProbabilities', () => {
  it('is the share of front memberships, in creation order, without removed candidates', () => {
    expect([...parentProbabilities(reduced)]).toEqual([
      ['a', 0.4],
      ['c', 0.6],
    ]);
  });

  it('counts every objective front, so a candidate best on two objectives of a task counts twice', () => {
    // Fronts: t1/success {a}, t1/quality {a}, t2/success {b}, t2/quality {a, b}: a on 3, b on 2.
    const matrix = matrixOf({
      a: { t1: { success: 1, quality: 1 }, t2: { success: 0, quality: 0 } },
      b: { t1: { success: 0, quality: 0 }, t2: { success: 1, quality: 0 } },
    });
    const fronts = removeDominated(instanceFronts(matrix, [success, { name: 'quality', direction: 'maximize' }]));
    expect(fronts.removed).toEqual([]);
    expect([...parentProbabilities(fronts)]).toEqual([
      ['a', 0.6],
      ['b', 0.4],
    ]);
  });
});

describe('selectParent', () => {
  it('draws candidates in proportion to their fronts over 10,000 draws', () => {
    const rng = createRng('select-parent');
    const counts = new Map<string, number>();
    for (let i = 0; i < 10_000; i++) {
      const parent = selectParent(reduced, rng);
      counts.set(parent, (counts.get(parent) ?? 0) + 1);
    }
    // Binomial sd at p = 0.4, n = 10,000 is 0.0049; 0.02 is four of them.
    expect(counts.get('b')).toBeUndefined();
    expect(Math.abs((counts.get('a') ?? 0) / 10_000 - 0.4)).toBeLessThan(0.02);
    expect(Math.abs((counts.get('c') ?? 0) / 10_000 - 0.6)).toBeLessThan(0.02);
  });

  it('gives the same parents for the same seed', () => {
    const draw = (seed: number) =>
      Array.from(
        { length: 20 },
        (
          (rng) => () =>
            selectParent(reduced, rng)
        )(createRng(seed)),
      );
    expect(draw(3)).toEqual(draw(3));
    expect(new Set(draw(3))).toEqual(new Set(['a', 'c']));
  });

  it('refuses fronts that hold nobody, saying to evaluate first', () => {
    const empty = removeDominated(instanceFronts(matrixOf({ a: { t1: { success: null } } }), [success]));
    expect(() => selectParent(empty, createRng(1))).toThrow(/no candidate is on any front/);
  });
});
