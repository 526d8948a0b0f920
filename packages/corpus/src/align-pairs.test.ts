import { pairedBootstrap } from '@ratchet/stats';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alignPairs, tallyRows } from './align-pairs';
import type { Corpus } from './corpus';
import { openCorpus } from './open-corpus';
import { buildCellRecord, buildVerdict } from './test';

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

describe('Corpus.pairs', () => {
  let corpus: Corpus;
  beforeEach(async () => {
    corpus = await openCorpus('sqlite::memory:');
    const cells = [];
    for (let task = 0; task < 12; task++) {
      for (const [armId, solved] of [
        ['random', task < 4],
        ['refine', task < 9],
      ] as const) {
        cells.push(
          buildCellRecord({
            cellId: `${armId}/${task}`,
            armId,
            taskId: `task-${String(task).padStart(2, '0')}`,
            verdict: task === 11 ? null : buildVerdict(solved),
            status: task === 10 && armId === 'refine' ? 'infra' : 'ok',
            spend: {
              turns: 2,
              tokensIn: null,
              tokensOut: null,
              usd: armId === 'refine' ? 0.02 : 0.01,
              wallMs: 100,
              workUnits: armId === 'refine' ? 40 : 30,
              costProvenance: 'measured',
            },
          }),
        );
      }
    }
    await corpus.append(cells);
  });
  afterEach(() => corpus.close());

  const arms = { baseline: { runId: 'run-1', armId: 'random' }, candidate: { runId: 'run-1', armId: 'refine' } };

  it('pairs pass/fail outcomes by task, excluding infra and unjudged tasks', async () => {
    const pairs = await corpus.pairs({ ...arms, metric: 'resolved' });
    expect(pairs.taskIds).toHaveLength(10);
    expect(pairs.baseline).toEqual([1, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
    expect(pairs.candidate).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 0]);
    expect(pairs.excluded).toEqual({ infra: ['task-10'], unmeasured: ['task-11'], unpaired: [] });
  });

  it('reads verdict objectives and spend figures as metrics', async () => {
    const correct = await corpus.pairs({ ...arms, metric: { objective: 'correct' } });
    expect(correct.candidate).toEqual((await corpus.pairs({ ...arms, metric: 'resolved' })).candidate);
    const usd = await corpus.pairs({ ...arms, metric: { spend: 'usd' } });
    expect(usd.baseline.every((v) => v === 0.01)).toBe(true);
    expect(usd.excluded.unmeasured).toEqual([]);
    const tokens = await corpus.pairs({ ...arms, metric: { spend: 'tokensIn' } });
    expect(tokens.taskIds).toEqual([]);
    expect(tokens.excluded.unmeasured).toHaveLength(11);
  });

  it('gives arrays @ratchet/stats takes as they are', async () => {
    const pairs = await corpus.pairs({ ...arms, metric: 'resolved' });
    const lift = pairedBootstrap(pairs.baseline, pairs.candidate, { seed: 1, resamples: 2000 });
    expect(lift.estimate).toBeCloseTo(0.5, 12);
    expect(lift.n).toBe(10);
  });

  it('refuses a metric name that could escape its JSON path', async () => {
    await expect(corpus.pairs({ ...arms, metric: { objective: 'a"b' } })).rejects.toThrow(/may not contain quotes/);
  });
});
