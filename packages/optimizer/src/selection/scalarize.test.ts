import { describe, expect, it } from 'vitest';
import type { ScoreMatrix, TaskScores } from '../score-matrix';
import { meanScalar, pickBest, scalarScore } from './scalarize';
import { SelectionError } from './selection-error';

const matrixOf = (rows: Record<string, Record<string, TaskScores>>): ScoreMatrix =>
  new Map(Object.entries(rows).map(([hash, tasks]) => [hash, new Map(Object.entries(tasks))]));

const success = { name: 'success', direction: 'maximize' } as const;
const usd = { name: 'usd', direction: 'minimize' } as const;

const problemOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return SelectionError.isInstance(error) ? error.problem : 'other error';
  }
  return 'no error';
};

describe('scalarScore', () => {
  it('adds weighted maximize objectives and subtracts weighted minimize ones', () => {
    // 1 × 1 − 0.2 × 0.5
    expect(scalarScore({ success: 1, usd: 0.5 }, [success, usd], { success: 1, usd: 0.2 })).toBeCloseTo(0.9, 12);
  });

  it('weighs success alone by default', () => {
    expect(scalarScore({ success: 0.75, usd: 3 }, [success, usd])).toBe(0.75);
  });

  it('is null when a weighted objective is null, and ignores an unweighted null', () => {
    expect(scalarScore({ success: 1, usd: null }, [success, usd], { success: 1, usd: 0.2 })).toBeNull();
    expect(scalarScore({ success: 1, usd: null }, [success, usd], { success: 1, usd: 0 })).toBe(1);
    expect(scalarScore(undefined, [success])).toBeNull();
  });

  it('refuses weights on unknown objectives, negative weights and no positive weight', () => {
    expect(problemOf(() => scalarScore({ success: 1 }, [success], { succes: 1 }))).toBe('invalid-objectives');
    expect(problemOf(() => scalarScore({ success: 1 }, [success, usd], { success: 1, usd: -1 }))).toBe(
      'invalid-weights',
    );
    expect(problemOf(() => scalarScore({ success: 1 }, [success], { success: 0 }))).toBe('invalid-weights');
    expect(() => scalarScore({}, [usd])).toThrow(
      /weights name objective "success", which is not among the objectives \(usd\)/,
    );
  });
});

describe('meanScalar', () => {
  it('averages over the tasks with a scalar score, leaving unmeasured tasks out', () => {
    const scores = new Map<string, TaskScores>([
      ['t1', { success: 1 }],
      ['t2', { success: 0 }],
      ['t3', { success: null }],
    ]);
    expect(meanScalar(scores, ['t1', 't2', 't3', 't4'], [success])).toBe(0.5);
    expect(meanScalar(scores, ['t1'], [success])).toBe(1);
    expect(meanScalar(scores, ['t3', 't4'], [success])).toBeNull();
  });
});

describe('pickBest', () => {
  it('picks the highest mean, ties to the earliest candidate', () => {
    const matrix = matrixOf({
      a: { t1: { success: 1 }, t2: { success: 0 } },
      b: { t1: { success: 1 }, t2: { success: 0.5 } },
      c: { t1: { success: 0.5 }, t2: { success: 1 } },
    });
    expect(pickBest(matrix, [success])).toBe('b');
  });

  it('follows the stated weights: a cost weight can make the cheaper candidate best', () => {
    const matrix = matrixOf({
      costly: { t1: { success: 1, usd: 2 } },
      cheap: { t1: { success: 0.8, usd: 0.5 } },
    });
    expect(pickBest(matrix, [success, usd])).toBe('costly');
    // costly 1 − 0.2 × 2 = 0.6; cheap 0.8 − 0.2 × 0.5 = 0.7
    expect(pickBest(matrix, [success, usd], { success: 1, usd: 0.2 })).toBe('cheap');
  });

  it('passes over candidates with no scalar score, and refuses a matrix where none has one', () => {
    const matrix = matrixOf({ unmeasured: { t1: { success: null } }, measured: { t1: { success: 0 } } });
    expect(pickBest(matrix, [success])).toBe('measured');
    expect(problemOf(() => pickBest(matrixOf({ a: { t1: { success: null } } }), [success]))).toBe('nothing-measured');
  });
});
