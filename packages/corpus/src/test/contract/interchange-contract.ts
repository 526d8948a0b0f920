import { PassThrough, Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import type { Corpus } from '../../corpus';
import { exportJsonl } from '../../export-jsonl';
import { importJsonl } from '../../import-jsonl';
import { buildCellRecord, buildManifest, buildRunRecord } from '../record-builders';
import { v1ExportJsonl } from '../v1-export';
import type { ContractStores } from './stores';

async function exported(corpus: Corpus, filter = {}): Promise<string> {
  const stream = new PassThrough();
  const done = exportJsonl(corpus, filter, stream).then(() => stream.end());
  const body = await text(stream);
  await done;
  return body;
}

export function interchangeContract(stores: ContractStores): void {
  describe('JSON Lines interchange', () => {
    it('exports and imports into another store the same manifests, records, cells and blobs', async () => {
      const source = stores.corpus;
      const trace = await source.putBlob('{"events":[1,2,3]}', 'application/json');
      const output = await source.putBlob(new Uint8Array([1, 2, 3]), 'application/octet-stream');
      await source.putManifest(buildManifest({ stopReason: 'completed', status: 'completed' }));
      await source.putManifest(buildManifest({ runId: 'run-2' }));
      await source.append([
        buildRunRecord({ trace: { summary: 'three events', events: 3, blob: trace } }),
        buildRunRecord({ recordId: 'r-2', attempt: 1, output: { blob: output }, verdict: null }),
        buildCellRecord({ attemptIds: ['run-1/random/task-1/0/0', 'r-2'], attempts: 2 }),
      ]);
      const target = await stores.another();
      const summary = await importJsonl(target, Readable.from([await exported(source)]));
      expect(summary).toMatchObject({ manifests: 2, attempts: 2, cells: 1, blobs: 2, inserted: 3, duplicates: 0 });
      expect(await target.runs()).toEqual(await source.runs());
      expect(await target.records()).toEqual(await source.records());
      expect(await target.cells({ runId: 'run-1' })).toEqual(await source.cells({ runId: 'run-1' }));
      for (const ref of [trace, output]) expect(await target.blob(ref.sha256)).toEqual(await source.blob(ref.sha256));
      expect(await exported(target)).toBe(await exported(source));
      const again = await importJsonl(target, Readable.from([await exported(source)]));
      expect(again).toMatchObject({ inserted: 0, duplicates: 3 });
    });

    it('imports an export of record schema 1 as schema 2: tries from ids, stop reason from notes', async () => {
      const target = stores.corpus;
      const summary = await importJsonl(target, Readable.from([v1ExportJsonl()]), { source: 'old.jsonl' });
      expect(summary).toMatchObject({ lines: 4, manifests: 1, attempts: 2, cells: 1, inserted: 3 });
      const manifest = await target.manifest('run-v1');
      expect(manifest).toMatchObject({ schemaVersion: 2, status: 'interrupted', stopReason: 'spend-cap' });
      expect(manifest?.plannedCells).toBeNull();
      expect(manifest?.notes).toBeUndefined();
      const attempts = await target.records({ runId: 'run-v1' });
      expect(attempts.map((a) => [a.schemaVersion, a.try, a.failure, a.usage.workUnits])).toEqual([
        [2, 0, null, null],
        [2, 1, null, null],
      ]);
      const cells = await target.cells({ runId: 'run-v1' });
      expect(cells.map((c) => [c.schemaVersion, c.try, c.chosenBy, c.spend.workUnits])).toEqual([
        [2, 1, 'checks', null],
      ]);
      expect(await target.stats()).toMatchObject({ attemptsInCells: 1, abandonedAttempts: 1, unfinishedAttempts: 0 });
      const versions = (await exported(target))
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).schemaVersion);
      expect(versions).toEqual([2, 2, 2, 2]);
    });
  });
}
