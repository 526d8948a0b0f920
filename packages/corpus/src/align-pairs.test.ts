import { pairedBootstrap } from '@ratchet/stats';
import { describe, expect, it } from 'vitest';
import { alignPairs, tallyRows } from './align-pairs';

describe('alignPairs', () => {
  it('averages replicates per task and lists every task it leaves out, by reason', () => {
    const result = alignPairs(
      tallyRows([
        { taskId: 't1', status: 'ok', value: 1 },
        { taskId: 't1', status: 'ok', value: 0 },
        { taskId: 't2', status: 'infra', value: null },
        { taskId: 't3', status: 'ok', value: null },
        { taskId: 't4', status: 'ok', value: 1 },
        { taskId: 't5', status: 'ok', value: 0 },
        { taskId: 't5', status: 'infra', value: null },
      ]),
      tallyRows([
        { taskId: 't1', status: 'ok', value: 1 },
        { taskId: 't2', status: 'ok', value: 1 },
        { taskId: 't3', status: 'ok', value: 1 },
        { taskId: 't5', status: 'ok', value: 1 },
        { taskId: 't6', status: 'ok', value: 1 },
      ]),
    );
    expect(result.taskIds).toEqual(['t1', 't5']);
    expect(result.baseline).toEqual([0.5, 0]);
    expect(result.candidate).toEqual([1, 1]);
    expect(result.replicates).toEqual({ baseline: [2, 1], candidate: [1, 1] });
    expect(result.excluded).toEqual({ infra: ['t2'], unmeasured: ['t3'], unpaired: ['t4', 't6'] });
    expect(result.infraCells).toBe(1);
  });
});

describe('alignPairs output', () => {
  it('gives arrays @ratchet/stats takes as they are', () => {
    const side = (solved: number) =>
      tallyRows(
        Array.from({ length: 10 }, (_, task) => ({
          taskId: `t${task}`,
          status: 'ok' as const,
          value: Number(task < solved),
        })),
      );
    const pairs = alignPairs(side(4), side(9));
    const lift = pairedBootstrap(pairs.baseline, pairs.candidate, { seed: 1, resamples: 2000 });
    expect(lift.estimate).toBeCloseTo(0.5, 12);
    expect(lift.n).toBe(10);
  });
});
