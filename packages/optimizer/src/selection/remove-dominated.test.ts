import { createRng } from '@ratchet/stats';
import { describe, expect, it } from 'vitest';
import type { ScoreMatrix, TaskScores } from '../score-matrix';
import { instanceFronts } from './instance-fronts';
import { removeDominated } from './remove-dominated';

const matrixOf = (rows: Record<string, Record<string, TaskScores>>): ScoreMatrix =>
  new Map(Object.entries(rows).map(([hash, tasks]) => [hash, new Map(Object.entries(tasks))]));

const success = { name: 'success', direction: 'maximize' } as const;

// Fronts: t1 {a, b}, t2 {b, c}, t3 {a, c}, t4 {c}. Means: a 0.5, b 0.5, c 0.75.
const threeByFour = matrixOf({
  a: { t1: { success: 1 }, t2: { success: 0 }, t3: { success: 1 }, t4: { success: 0 } },
  b: { t1: { success: 1 }, t2: { success: 1 }, t3: { success: 0 }, t4: { success: 0 } },
  c: { t1: { success: 0 }, t2: { success: 1 }, t3: { success: 1 }, t4: { success: 1 } },
});
const membersOf = (fronts: { fronts: readonly { candidates: readonly string[] }[] }) =>
  fronts.fronts.map((front) => front.candidates);

describe('removeDominated', () => {
  it('removes a candidate whose every front is covered by others, even by different ones per front', () => {
    // Scan order (aggregate ascending, later first on ties): b, a, c. b is covered by a on t1 and c on
    // t2, though neither is on both of b's fronts; then a is alone on t1 and c alone on t4.
    const reduced = removeDominated(
      instanceFronts(threeByFour, [success]),
      new Map([
        ['a', 0.5],
        ['b', 0.5],
        ['c', 0.75],
      ]),
    );
    expect(reduced.removed).toEqual(['b']);
    expect(membersOf(reduced)).toEqual([['a'], ['c'], ['a', 'c'], ['c']]);
  });

  it('scans the weakest aggregate first, so which candidate goes depends on the aggregate', () => {
    // Scan order a, b, c: a is covered (b on t1, c on t3) and goes; then b is alone on t1.
    const reduced = removeDominated(
      instanceFronts(threeByFour, [success]),
      new Map([
        ['a', 0.4],
        ['b', 0.6],
        ['c', 0.75],
      ]),
    );
    expect(reduced.removed).toEqual(['a']);
    expect(membersOf(reduced)).toEqual([['b'], ['b', 'c'], ['c'], ['c']]);
  });

  it('gives ties to the earliest candidate: of two alike everywhere, the later one is removed', () => {
    const twins = matrixOf({
      x: { t1: { success: 1 }, t2: { success: 1 } },
      y: { t1: { success: 1 }, t2: { success: 1 } },
    });
    const reduced = removeDominated(instanceFronts(twins, [success]));
    expect(reduced.removed).toEqual(['y']);
    expect(membersOf(reduced)).toEqual([['x'], ['x']]);
  });

  it('never empties a front and leaves nothing removable behind (seeded random matrices)', () => {
    const rng = createRng('remove-dominated');
    for (let trial = 0; trial < 200; trial++) {
      const rows: Record<string, Record<string, TaskScores>> = {};
      for (const hash of ['p', 'q', 'r', 's', 'u']) {
        rows[hash] = {};
        for (const task of ['t1', 't2', 't3', 't4', 't5', 't6']) rows[hash][task] = { success: rng.int(3) / 2 };
      }
      const fronts = instanceFronts(matrixOf(rows), [success]);
      const reduced = removeDominated(fronts);
      for (const front of reduced.fronts) expect(front.candidates.length).toBeGreaterThan(0);
      expect(removeDominated(reduced).removed).toEqual([]);
      const onFronts = new Set(fronts.fronts.flatMap((front) => front.candidates));
      const kept = new Set(reduced.fronts.flatMap((front) => front.candidates));
      expect(kept.size + reduced.removed.length).toBe(onFronts.size);
    }
  });

  it('refuses an aggregate that misses a candidate on a front', () => {
    expect(() => removeDominated(instanceFronts(threeByFour, [success]), new Map([['a', 1]]))).toThrow(
      /aggregate has no score for candidate [bc]/,
    );
  });
});
