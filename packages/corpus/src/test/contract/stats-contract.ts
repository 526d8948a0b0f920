import { describe, expect, it } from 'vitest';
import { buildCellRecord, buildManifest, buildRunRecord } from '../record-builders';
import type { ContractStores } from './stores';

export function statsContract(stores: ContractStores): void {
  describe('stats', () => {
    it('counts nothing in a new store, and says where it is', async () => {
      expect(await stores.corpus.stats()).toMatchObject({
        runs: 0,
        attempts: 0,
        attemptsInCells: 0,
        abandonedAttempts: 0,
        unfinishedAttempts: 0,
        cells: 0,
        blobs: 0,
        blobBytes: 0,
        benchmarks: [],
        location: stores.corpus.url,
      });
    });

    it('tells attempts in cells from attempts of abandoned tries and of unfinished cells, per benchmark', async () => {
      const attempt = (recordId: string, overrides: Parameters<typeof buildRunRecord>[0] = {}) =>
        buildRunRecord({ recordId, taskId: 'task-1', ...overrides });
      await stores.corpus.putManifest(buildManifest());
      await stores.corpus.putManifest(buildManifest({ runId: 'run-2', benchmark: 'sat' }));
      await stores.corpus.append([
        // task-1: try 0 left two attempts and was killed; try 1 finished the cell with one.
        attempt('t1-try0-a0', { try: 0 }),
        attempt('t1-try0-a1', { try: 0, attempt: 1 }),
        attempt('t1-try1-a0', { try: 1 }),
        buildCellRecord({ cellId: 'c-1', try: 1, attemptIds: ['t1-try1-a0'], finalAttemptId: 't1-try1-a0' }),
        // task-2: one attempt, its cell not recorded yet (the run was killed, or is still running).
        attempt('t2-try0-a0', { taskId: 'task-2' }),
        // Replicate 1 of task-1 is a cell of its own, not recorded yet.
        attempt('t1-r1-try0-a0', { replicate: 1 }),
        // Another benchmark: one finished cell.
        attempt('s-try0-a0', { runId: 'run-2', benchmark: 'sat' }),
        buildCellRecord({ cellId: 'c-2', runId: 'run-2', benchmark: 'sat', attemptIds: ['s-try0-a0'] }),
      ]);
      const stats = await stores.corpus.stats();
      expect(stats).toMatchObject({
        runs: 2,
        attempts: 6,
        attemptsInCells: 2,
        abandonedAttempts: 2,
        unfinishedAttempts: 2,
        cells: 2,
      });
      expect(stats.benchmarks).toEqual([
        {
          benchmark: 'dsl',
          runs: 1,
          attempts: 5,
          attemptsInCells: 1,
          abandonedAttempts: 2,
          unfinishedAttempts: 2,
          cells: 1,
        },
        {
          benchmark: 'sat',
          runs: 1,
          attempts: 1,
          attemptsInCells: 1,
          abandonedAttempts: 0,
          unfinishedAttempts: 0,
          cells: 1,
        },
      ]);
    });
  });
}
