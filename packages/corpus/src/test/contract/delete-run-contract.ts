import { describe, expect, it } from 'vitest';
import { ProtectedRunError } from '../../protected-run-error';
import { RecordNotFoundError } from '../../record-not-found-error';
import { buildCellRecord, buildGateRecord, buildManifest, buildRunRecord } from '../record-builders';
import { type ContractStores, failureOf } from './stores';

export function deleteRunContract(stores: ContractStores): void {
  describe('deleteRun', () => {
    it("deletes one run's manifest, attempts, cells and the blobs only it referenced; other runs stay whole", async () => {
      const { corpus } = stores;
      const own = await corpus.putBlob('trace of run 1 only', 'text/plain');
      const shared = await corpus.putBlob('a trace both runs point at', 'text/plain');
      for (const runId of ['run-1', 'run-2']) {
        await corpus.putManifest(buildManifest({ runId }));
        await corpus.append([
          buildRunRecord({
            runId,
            recordId: `${runId}/a0`,
            trace: { summary: 's', events: 1, blob: runId === 'run-1' ? own : shared },
          }),
          buildRunRecord({ runId, recordId: `${runId}/a1`, trace: { summary: 's', events: 1, blob: shared } }),
          buildCellRecord({ runId, cellId: `${runId}/cell`, attemptIds: [`${runId}/a0`, `${runId}/a1`] }),
        ]);
      }
      const before = await corpus.records({ runId: 'run-2' });
      expect(await corpus.deleteRun('run-1')).toEqual({ runId: 'run-1', attempts: 2, cells: 1, blobs: 1 });
      expect(await corpus.manifest('run-1')).toBeNull();
      expect(await corpus.records({ runId: 'run-1' })).toEqual([]);
      expect(await corpus.cells({ runId: 'run-1' })).toEqual([]);
      expect(await corpus.blob(own.sha256)).toBeNull();
      expect(await corpus.blob(shared.sha256)).not.toBeNull();
      expect(await corpus.records({ runId: 'run-2' })).toEqual(before);
      expect((await corpus.runs()).map((run) => run.runId)).toEqual(['run-2']);
    });

    it('names a run it does not hold', async () => {
      const error = await failureOf(stores.corpus.deleteRun('no-such-run'));
      expect(RecordNotFoundError.isInstance(error)).toBe(true);
    });

    it('never erases the holdout ledger: the gate run is refused, and a spent holdout stays spent (probe)', async () => {
      const { corpus } = stores;
      const gate = buildGateRecord({ runId: 'gate-run-1' });
      await corpus.appendOptimizerRecords([gate]);
      await corpus.putManifest(buildManifest({ runId: 'gate-run-1', splits: ['holdout'] }));
      await corpus.append([buildCellRecord({ runId: 'gate-run-1', cellId: 'g/cell', split: 'holdout' })]);
      await corpus.putManifest(buildManifest({ runId: 'run-1' }));

      const error = await failureOf(corpus.deleteRun('gate-run-1'));
      expect(ProtectedRunError.isInstance(error)).toBe(true);
      expect(error.message).toContain(gate.recordId);
      expect(await corpus.cells({ runId: 'gate-run-1' })).toHaveLength(1);
      // Deleting every other run leaves the ledger as it was.
      await corpus.deleteRun('run-1');
      expect(await corpus.gateRecords()).toEqual([gate]);
    });

    it('refuses every batch run of a sequential gate, not only the first (probe)', async () => {
      const { corpus } = stores;
      const gate = buildGateRecord({ runId: 'seq-gate', runIds: ['seq-gate', 'seq-gate-batch-1', 'seq-gate-batch-2'] });
      await corpus.appendOptimizerRecords([gate]);
      for (const runId of ['seq-gate-batch-2', 'other-run']) await corpus.putManifest(buildManifest({ runId }));

      const error = await failureOf(corpus.deleteRun('seq-gate-batch-2'));
      expect(ProtectedRunError.isInstance(error)).toBe(true);
      expect(error.message).toContain(gate.recordId);
      // A run no gate names is still deleted.
      await corpus.deleteRun('other-run');
      expect(await corpus.manifest('other-run')).toBeNull();
      expect(await corpus.manifest('seq-gate-batch-2')).not.toBeNull();
    });

    it('refuses a run whose train cells share a task with holdout cells: the split check of later gates reads them', async () => {
      const { corpus } = stores;
      await corpus.putManifest(buildManifest({ runId: 'held', splits: ['holdout'] }));
      await corpus.append([buildCellRecord({ runId: 'held', cellId: 'h/cell', split: 'holdout', taskId: 'task-7' })]);
      await corpus.putManifest(buildManifest({ runId: 'leaky' }));
      await corpus.append([buildCellRecord({ runId: 'leaky', cellId: 'l/cell', taskId: 'task-7' })]);
      const error = await failureOf(corpus.deleteRun('leaky'));
      expect(ProtectedRunError.isInstance(error)).toBe(true);
      expect(error.message).toContain('task-7 held out in held');
      expect(await corpus.manifest('leaky')).not.toBeNull();
    });
  });
}
