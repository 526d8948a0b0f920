import { describe, expect, it } from 'vitest';
import type { ScoreMatrix, TaskScores } from '../score-matrix';
import { instanceFronts } from './instance-fronts';
import { SelectionError } from './selection-error';

const matrixOf = (rows: Record<string, Record<string, TaskScores>>): ScoreMatrix =>
  new Map(Object.entries(rows).map(([hash, tasks]) => [hash, new Map(Object.entries(tasks))]));

const success = { name: 'success', direction: 'maximize' } as const;
const usd = { name: 'usd', direction: 'minimize' } as const;

describe('instanceFronts', () => {
  it('keeps every candidate tied at the best value of a task, and no front where nothing was measured', () => {
    const matrix = matrixOf({
      a: { t2: { success: 1 }, t1: { success: 0 }, t3: { success: null } },
      b: { t1: { success: 1 }, t2: { success: 1 }, t3: { success: null } },
      c: { t1: { success: 1 }, t2: { success: 0.5 } },
    });
    expect(instanceFronts(matrix, [success])).toEqual({
      candidates: ['a', 'b', 'c'],
      fronts: [
        { taskId: 't1', objective: 'success', best: 1, candidates: ['b', 'c'] },
        { taskId: 't2', objective: 'success', best: 1, candidates: ['a', 'b'] },
      ],
    });
  });

  it('reads each objective in its direction and orders fronts by task, then objective', () => {
    const matrix = matrixOf({
      a: { t2: { success: 0, usd: null }, t1: { success: 1, usd: 0.3 } },
      b: { t1: { success: 1, usd: 0.2 }, t2: { success: 0 } },
      c: { t1: { success: 0, usd: 0.1 } },
    });
    expect(instanceFronts(matrix, [success, usd]).fronts).toEqual([
      { taskId: 't1', objective: 'success', best: 1, candidates: ['a', 'b'] },
      { taskId: 't1', objective: 'usd', best: 0.1, candidates: ['c'] },
      { taskId: 't2', objective: 'success', best: 0, candidates: ['a', 'b'] },
    ]);
  });

  it('does not depend on the order tasks were recorded in', () => {
    const forward = matrixOf({
      a: { t1: { success: 1 }, t2: { success: 0 } },
      b: { t1: { success: 0 }, t2: { success: 1 } },
    });
    const backward = matrixOf({
      a: { t2: { success: 0 }, t1: { success: 1 } },
      b: { t2: { success: 1 }, t1: { success: 0 } },
    });
    expect(instanceFronts(backward, [success])).toEqual(instanceFronts(forward, [success]));
  });

  it('refuses a score that is not finite, naming the candidate and task', () => {
    const matrix = matrixOf({ a: { t1: { success: Number.NaN } } });
    expect(() => instanceFronts(matrix, [success])).toThrow(/candidate a, task t1, objective "success" has value NaN/);
  });

  it('refuses an empty or repeated objective list', () => {
    const matrix = matrixOf({ a: { t1: { success: 1 } } });
    let error: unknown;
    try {
      instanceFronts(matrix, []);
    } catch (caught) {
      error = caught;
    }
    expect(SelectionError.isInstance(error) && error.problem).toBe('invalid-objectives');
    expect(() => instanceFronts(matrix, [success, success])).toThrow(/listed twice/);
  });
});
