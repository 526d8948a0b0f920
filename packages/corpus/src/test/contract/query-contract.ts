import { beforeEach, describe, expect, it } from 'vitest';
import type { RecordFilter } from '../../corpus';
import { buildCellRecord, buildRunRecord } from '../record-builders';
import type { ContractStores } from './stores';

export function queryContract(stores: ContractStores): void {
  describe('records, recordIds and iterateRecords', () => {
    beforeEach(async () => {
      // Appended out of time order, to show the store orders by createdAt and not by insertion.
      await stores.corpus.append([
        buildRunRecord({ recordId: 'd', runId: 'run-2', benchmark: 'sat', createdAt: '2026-01-04T00:00:00.000Z' }),
        buildRunRecord({ recordId: 'b', armId: 'refine', taskId: 't1', createdAt: '2026-01-02T00:00:00.000Z' }),
        buildRunRecord({
          recordId: 'c',
          armId: 'refine',
          taskId: 't2',
          split: 'holdout',
          createdAt: '2026-01-03T00:00:00.000Z',
        }),
        buildRunRecord({ recordId: 'a2', armId: 'random', taskId: 't1', createdAt: '2026-01-01T00:00:00.000Z' }),
        buildRunRecord({ recordId: 'a1', armId: 'random', taskId: 't1', createdAt: '2026-01-01T00:00:00.000Z' }),
      ]);
    });

    const ids = async (filter?: RecordFilter) => (await stores.corpus.records(filter)).map((r) => r.recordId);

    it('returns attempts in createdAt order, ties by record id', async () => {
      expect(await ids()).toEqual(['a1', 'a2', 'b', 'c', 'd']);
    });

    it('filters by run, benchmark, arm, split, task and time, and limits', async () => {
      expect(await ids({ runId: 'run-1' })).toEqual(['a1', 'a2', 'b', 'c']);
      expect(await ids({ benchmark: 'sat' })).toEqual(['d']);
      expect(await ids({ runId: 'run-1', armId: 'refine' })).toEqual(['b', 'c']);
      expect(await ids({ split: 'holdout' })).toEqual(['c']);
      expect(await ids({ taskId: 't1' })).toEqual(['a1', 'a2', 'b']);
      expect(await ids({ since: '2026-01-02T00:00:00.000Z', until: '2026-01-04T00:00:00.000Z' })).toEqual(['b', 'c']);
      expect(await ids({ limit: 2 })).toEqual(['a1', 'a2']);
      expect(await ids({ runId: 'run-3' })).toEqual([]);
    });

    it('gives the same ids, in the same order, from recordIds and iterateRecords', async () => {
      const filters: RecordFilter[] = [{}, { runId: 'run-1', armId: 'refine' }, { taskId: 't1', limit: 2 }];
      for (const filter of filters) {
        const streamed: string[] = [];
        for await (const record of stores.corpus.iterateRecords(filter)) streamed.push(record.recordId);
        expect(await stores.corpus.recordIds(filter)).toEqual(await ids(filter));
        expect(streamed).toEqual(await ids(filter));
      }
    });
  });

  describe('cells and iterateCells', () => {
    beforeEach(async () => {
      await stores.corpus.append([
        buildCellRecord({ cellId: 'z', armId: 'blind' }),
        buildCellRecord({ cellId: 'y2', armId: 'refine', taskId: 'task-2', split: 'val' }),
        buildCellRecord({ cellId: 'y1', armId: 'refine' }),
        buildCellRecord({ cellId: 'x', armId: 'random' }),
        buildCellRecord({ cellId: 'w', runId: 'run-2', benchmark: 'sat' }),
      ]);
    });

    it('returns the cells of a run, by arm then task, limited to the named arms', async () => {
      const cellIds = async (filter: Parameters<typeof stores.corpus.cells>[0]) =>
        (await stores.corpus.cells(filter)).map((cell) => cell.cellId);
      expect(await cellIds({ runId: 'run-1' })).toEqual(['z', 'x', 'y1', 'y2']);
      expect(await cellIds({ runId: 'run-1', arms: ['random', 'refine'] })).toEqual(['x', 'y1', 'y2']);
      expect(await cellIds({ runId: 'run-1', arms: [] })).toEqual([]);
      expect(await cellIds({ runId: 'run-1', split: 'val' })).toEqual(['y2']);
      expect(await cellIds({ runId: 'run-1', taskId: 'task-1', arms: ['refine'] })).toEqual(['y1']);
    });

    it('streams cells across runs, filtered by run, benchmark, split and task', async () => {
      const streamed = async (filter?: Parameters<typeof stores.corpus.iterateCells>[0]) => {
        const found: string[] = [];
        for await (const cell of stores.corpus.iterateCells(filter)) found.push(cell.cellId);
        return found;
      };
      expect(await streamed()).toEqual(['z', 'x', 'y1', 'y2', 'w']);
      expect(await streamed({ benchmark: 'sat' })).toEqual(['w']);
      expect(await streamed({ runId: 'run-1', taskId: 'task-2' })).toEqual(['y2']);
      expect(await streamed({ runId: 'run-1', arms: ['blind'] })).toEqual(['z']);
    });
  });
}
