import { beforeEach, describe, expect, it } from 'vitest';
import type { CellFilter } from '../../corpus';
import { buildCellRecord, buildManifest, buildRunRecord, buildVerdict } from '../record-builders';
import type { ContractStores } from './stores';

/** The paged and counted queries a viewer over a large corpus needs: nothing is read that is not shown. */
export function pageContract(stores: ContractStores): void {
  describe('pages and counts', () => {
    it('pages runs newest first, filtered by start time', async () => {
      for (const [runId, day] of [
        ['a', '01'],
        ['b', '02'],
        ['c', '03'],
        ['d', '03'],
      ] as const) {
        await stores.corpus.putManifest(buildManifest({ runId, startedAt: `2026-01-${day}T00:00:00.000Z` }));
      }
      const ids = async (filter: Parameters<typeof stores.corpus.runs>[0]) =>
        (await stores.corpus.runs(filter)).map((manifest) => manifest.runId);
      expect(await ids({ newestFirst: true })).toEqual(['d', 'c', 'b', 'a']);
      expect(await ids({ newestFirst: true, limit: 2, offset: 1 })).toEqual(['c', 'b']);
      expect(await ids({ limit: 1 })).toEqual(['a']);
      expect(await ids({ offset: 3 })).toEqual(['d']);
      expect(await ids({ since: '2026-01-02T00:00:00.000Z', until: '2026-01-03T00:00:00.000Z' })).toEqual(['b']);
    });

    describe('of one run', () => {
      beforeEach(async () => {
        await stores.corpus.append([
          buildCellRecord({ cellId: 'r/t3', armId: 'refine', taskId: 't3', verdict: buildVerdict(false) }),
          buildCellRecord({ cellId: 'r/t1', armId: 'refine', taskId: 't1' }),
          buildCellRecord({ cellId: 'x/t2', armId: 'random', taskId: 't2', verdict: null }),
          buildCellRecord({ cellId: 'x/t1', armId: 'random', taskId: 't1', status: 'infra', verdict: null }),
          buildCellRecord({ cellId: 'other', runId: 'run-2', taskId: 't9' }),
        ]);
      });

      it('reads one cell by id, and null for a cell it does not hold', async () => {
        expect((await stores.corpus.cell('r/t3'))?.verdict?.resolved).toBe(false);
        expect(await stores.corpus.cell('missing')).toBeNull();
      });

      it('counts each named run’s cells: infra, judged and resolved, in the order named', async () => {
        expect(await stores.corpus.runCellCounts(['run-2', 'run-9', 'run-1'])).toEqual([
          { runId: 'run-2', cells: 1, infra: 0, judged: 1, resolved: 1 },
          { runId: 'run-1', cells: 4, infra: 1, judged: 2, resolved: 1 },
        ]);
        expect(await stores.corpus.runCellCounts([])).toEqual([]);
      });

      it('pages the run’s task ids with their total, then its cells for those tasks', async () => {
        expect(await stores.corpus.runTaskIds('run-1', { limit: 2 })).toEqual({ taskIds: ['t1', 't2'], total: 3 });
        expect(await stores.corpus.runTaskIds('run-1', { limit: 2, offset: 2 })).toEqual({ taskIds: ['t3'], total: 3 });
        expect(await stores.corpus.runTaskIds('run-9')).toEqual({ taskIds: [], total: 0 });
        const cellIds = async (filter: CellFilter) => (await stores.corpus.cells(filter)).map((cell) => cell.cellId);
        expect(await cellIds({ runId: 'run-1', taskIds: ['t1', 't2'] })).toEqual(['x/t1', 'x/t2', 'r/t1']);
        expect(await cellIds({ runId: 'run-1', taskIds: [] })).toEqual([]);
        expect(await cellIds({ runId: 'run-1', limit: 2, offset: 1 })).toEqual(['x/t2', 'r/t1']);
      });
    });

    it('reads the attempts of one cell, every try, page by page', async () => {
      const attempt = (recordId: string, replicate: number, second: number, tryNumber = 0) =>
        buildRunRecord({ recordId, replicate, try: tryNumber, createdAt: `2026-01-01T00:00:0${second}.000Z` });
      await stores.corpus.append([
        attempt('r0-a', 0, 1),
        attempt('r1-a', 1, 2),
        attempt('r1-b', 1, 3),
        attempt('r1-c', 1, 4, 1),
      ]);
      const ids = async (filter: Parameters<typeof stores.corpus.records>[0]) =>
        (await stores.corpus.records(filter)).map((record) => record.recordId);
      const cell = { runId: 'run-1', armId: 'random', taskId: 'task-1', replicate: 1 };
      expect(await ids(cell)).toEqual(['r1-a', 'r1-b', 'r1-c']);
      expect(await ids({ ...cell, limit: 2, offset: 1 })).toEqual(['r1-b', 'r1-c']);
      expect(await stores.corpus.recordIds({ ...cell, offset: 2 })).toEqual(['r1-c']);
    });
  });
}
