import { describe, expect, it } from 'vitest';
import { RecordConflictError } from '../../record-conflict-error';
import { buildManifest } from '../record-builders';
import { type ContractStores, failureOf } from './stores';

export function manifestContract(stores: ContractStores): void {
  describe('manifests', () => {
    it('reads back a manifest as written, and null for a run it does not hold', async () => {
      const manifest = buildManifest({ resumeCommand: 'ratchet run --resume run-1', commitSha: 'abc1234' });
      await stores.corpus.putManifest(manifest);
      expect(await stores.corpus.manifest('run-1')).toEqual(manifest);
      expect(await stores.corpus.manifest('run-9')).toBeNull();
    });

    it('lets the lifecycle change: status, end, notes, stop reason, resume command', async () => {
      const manifest = buildManifest();
      await stores.corpus.putManifest(manifest);
      const ended = {
        ...manifest,
        status: 'interrupted' as const,
        endedAt: '2026-01-01T01:00:00.000Z',
        notes: 'stopped by the spend cap',
        stopReason: 'spend-cap' as const,
        resumeCommand: 'ratchet run --resume run-1',
      };
      await stores.corpus.putManifest(ended);
      expect(await stores.corpus.manifest('run-1')).toEqual(ended);
    });

    it('refuses a change to what was pre-registered, naming the fields, and keeps the stored manifest', async () => {
      const manifest = buildManifest();
      await stores.corpus.putManifest(manifest);
      const moved = {
        ...manifest,
        status: 'completed' as const,
        primaryContrast: { name: 'steering', baseline: 'blind', candidate: 'refine' },
        plannedCells: 40,
      };
      const error = await failureOf(stores.corpus.putManifest(moved));
      expect(RecordConflictError.isInstance(error)).toBe(true);
      expect(error.message).toMatch(
        /a different manifest with id "run-1" .*fields frozen when the run started changed: plannedCells, primaryContrast/,
      );
      expect(await stores.corpus.manifest('run-1')).toEqual(manifest);
    });

    it('lists runs by start time, then id, filtered by benchmark and status', async () => {
      await stores.corpus.putManifest(buildManifest({ runId: 'c', startedAt: '2026-01-03T00:00:00.000Z' }));
      await stores.corpus.putManifest(
        buildManifest({ runId: 'b', benchmark: 'sat', status: 'completed', startedAt: '2026-01-01T00:00:00.000Z' }),
      );
      await stores.corpus.putManifest(buildManifest({ runId: 'a', startedAt: '2026-01-03T00:00:00.000Z' }));
      const ids = async (filter?: Parameters<typeof stores.corpus.runs>[0]) =>
        (await stores.corpus.runs(filter)).map((manifest) => manifest.runId);
      expect(await ids()).toEqual(['b', 'a', 'c']);
      expect(await ids({ benchmark: 'dsl' })).toEqual(['a', 'c']);
      expect(await ids({ status: 'completed' })).toEqual(['b']);
      expect(await ids({ benchmark: 'sat', status: 'running' })).toEqual([]);
    });
  });
}
