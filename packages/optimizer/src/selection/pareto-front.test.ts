import { describe, expect, it } from 'vitest';
import type { ScoreMatrix, TaskScores } from '../score-matrix';
import { instanceFronts } from './instance-fronts';
import { candidateMeans, candidateParetoFront } from './pareto-front';

const matrixOf = (rows: Record<string, Record<string, TaskScores>>): ScoreMatrix =>
  new Map(Object.entries(rows).map(([hash, tasks]) => [hash, new Map(Object.entries(tasks))]));

const success = { name: 'success', direction: 'maximize' } as const;
const usd = { name: 'usd', direction: 'minimize' } as const;

// Means (success, usd): a (0.9, 10), b (0.5, 1), c (0.7, 5), d (0.6, 6), e (0.6, 12).
// d is dominated by c; e by a and c. c is best on no objective, on no task, yet nothing dominates it.
// e is best on t2's success (1 > 0.8) though dominated on the means.
const matrix = matrixOf({
  a: { t1: { success: 1, usd: 10 }, t2: { success: 0.8, usd: 10 } },
  b: { t1: { success: 0.5, usd: 1 }, t2: { success: 0.5, usd: 1 } },
  c: { t1: { success: 0.7, usd: 5 }, t2: { success: 0.7, usd: 5 } },
  d: { t1: { success: 0.6, usd: 6 }, t2: { success: 0.6, usd: 6 } },
  e: { t1: { success: 0.2, usd: 12 }, t2: { success: 1, usd: 12 } },
});

describe('candidateMeans', () => {
  it('averages each objective over measured tasks only, null when none was measured', () => {
    const sparse = matrixOf({ a: { t1: { success: 1, usd: null }, t2: { success: null }, t3: { success: 0 } } });
    expect(candidateMeans(sparse, [success, usd])).toEqual([{ hash: 'a', means: { success: 0.5, usd: null } }]);
  });
});

describe('candidateParetoFront', () => {
  it('keeps the non-dominated candidates in creation order, including one best on no objective', () => {
    expect(candidateParetoFront(matrix, [success, usd]).map((point) => point.hash)).toEqual(['a', 'b', 'c']);
  });

  it('differs from the union of per-key bests: c is on the front and on no key, e on a key and off the front', () => {
    const bestOnSomeKey = new Set(instanceFronts(matrix, [success, usd]).fronts.flatMap((front) => front.candidates));
    expect([...bestOnSomeKey].sort()).toEqual(['a', 'b', 'e']);
  });

  it('reports the means of the candidates on the front', () => {
    expect(candidateParetoFront(matrix, [success, usd])[1]).toEqual({ hash: 'b', means: { success: 0.5, usd: 1 } });
  });

  it('leaves out a candidate with nothing measured, and cannot dominate one measured on fewer objectives', () => {
    const partial = matrixOf({
      a: { t1: { success: 1, usd: 1 } },
      blank: { t1: { success: null, usd: null } },
      cheapUnknown: { t1: { success: 0, usd: null } },
    });
    // a beats cheapUnknown on success, but usd is unknown for it, so neither dominates (judges' null rule).
    expect(candidateParetoFront(partial, [success, usd]).map((point) => point.hash)).toEqual(['a', 'cheapUnknown']);
  });

  it('keeps candidates with equal means together: neither dominates the other', () => {
    const twins = matrixOf({ x: { t1: { success: 1 } }, y: { t1: { success: 1 } }, z: { t1: { success: 0 } } });
    expect(candidateParetoFront(twins, [success]).map((point) => point.hash)).toEqual(['x', 'y']);
  });
});
