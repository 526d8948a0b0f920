import { beforeEach, describe, expect, it } from 'vitest';
import type { CellRecord } from '../../cell-record';
import { buildCellRecord, buildVerdict } from '../record-builders';
import { type ContractStores, failureOf } from './stores';

const arms = { baseline: { runId: 'run-1', armId: 'random' }, candidate: { runId: 'run-1', armId: 'refine' } };

/** Twelve tasks per arm: random solves tasks 0–3, refine 0–8; task 10 is infra on refine, task 11 unjudged. */
function twelveTasks(): CellRecord[] {
  const cells: CellRecord[] = [];
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
          infra: task === 10 && armId === 'refine' ? { error: 'sandbox crashed', retries: 2 } : null,
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
  return cells;
}

export function pairsContract(stores: ContractStores): void {
  describe('pairs', () => {
    beforeEach(async () => {
      await stores.corpus.append(twelveTasks());
    });

    it('pairs pass/fail outcomes by task, excluding and listing infra and unjudged tasks', async () => {
      const pairs = await stores.corpus.pairs({ ...arms, metric: 'resolved' });
      expect(pairs.taskIds).toHaveLength(10);
      expect(pairs.baseline).toEqual([1, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
      expect(pairs.candidate).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 0]);
      expect(pairs.excluded).toEqual({ infra: ['task-10'], unmeasured: ['task-11'], unpaired: [] });
      expect(pairs.infraCells).toBe(0);
    });

    it('reads verdict objectives and spend figures as metrics, unmeasured ones excluded', async () => {
      const correct = await stores.corpus.pairs({ ...arms, metric: { objective: 'correct' } });
      expect(correct.candidate).toEqual((await stores.corpus.pairs({ ...arms, metric: 'resolved' })).candidate);
      const usd = await stores.corpus.pairs({ ...arms, metric: { spend: 'usd' } });
      expect(usd.baseline).toEqual(Array(11).fill(0.01));
      expect(usd.excluded).toEqual({ infra: ['task-10'], unmeasured: [], unpaired: [] });
      const work = await stores.corpus.pairs({ ...arms, metric: { spend: 'workUnits' } });
      expect(work.candidate).toEqual(Array(11).fill(40));
      const tokens = await stores.corpus.pairs({ ...arms, metric: { spend: 'tokensIn' } });
      expect(tokens.taskIds).toEqual([]);
      expect(tokens.excluded.unmeasured).toHaveLength(11);
    });

    it('averages replicates per task, leaves out infra replicates, and lists tasks only one side ran', async () => {
      await stores.corpus.append([
        buildCellRecord({
          cellId: 'random/0/r1',
          armId: 'random',
          taskId: 'task-00',
          replicate: 1,
          verdict: buildVerdict(false),
        }),
        buildCellRecord({
          cellId: 'random/0/r2',
          armId: 'random',
          taskId: 'task-00',
          replicate: 2,
          status: 'infra',
          verdict: null,
        }),
        buildCellRecord({ cellId: 'refine/only', armId: 'refine', taskId: 'task-99' }),
      ]);
      const pairs = await stores.corpus.pairs({ ...arms, metric: 'resolved' });
      expect(pairs.taskIds[0]).toBe('task-00');
      expect(pairs.baseline[0]).toBe(0.5);
      expect(pairs.replicates.baseline[0]).toBe(2);
      expect(pairs.infraCells).toBe(1);
      expect(pairs.excluded.unpaired).toEqual(['task-99']);
    });

    it('refuses a metric name that could escape its JSON path', async () => {
      const error = await failureOf(stores.corpus.pairs({ ...arms, metric: { objective: 'a"b' } }));
      expect(error.message).toMatch(/may not contain quotes/);
    });
  });
}
