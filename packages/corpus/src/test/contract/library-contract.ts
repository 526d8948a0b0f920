import { PassThrough, Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import type { Corpus, LibraryFilter } from '../../corpus';
import { type ExportFilter, type ExportSummary, exportJsonl } from '../../export-jsonl';
import { importJsonl } from '../../import-jsonl';
import { InvalidRecordError } from '../../invalid-record-error';
import type { LibraryRecord } from '../../library-record';
import { RecordConflictError } from '../../record-conflict-error';
import { buildCandidateRecord, buildGateRecord, buildLibraryRecord, buildManifest } from '../record-builders';
import { type ContractStores, failureOf } from './stores';

const at = (hour: number) => `2026-01-01T${String(hour).padStart(2, '0')}:00:00.000Z`;

async function exported(corpus: Corpus, filter: ExportFilter = {}): Promise<{ body: string; summary: ExportSummary }> {
  const stream = new PassThrough();
  const done = exportJsonl(corpus, filter, stream).then((summary) => {
    stream.end();
    return summary;
  });
  const body = await text(stream);
  return { body, summary: await done };
}

/** A library whose cell ids are really stored, as the learner writes one. */
async function storedLibrary(corpus: Corpus, overrides: Partial<LibraryRecord> = {}): Promise<LibraryRecord> {
  const library = buildLibraryRecord(overrides);
  const cellIds = await corpus.putBlob(JSON.stringify([`${library.recordId}/cell-1`]), 'application/json');
  return { ...library, source: { ...library.source, cellIds } };
}

/** Learned libraries (`kind: 'library'`), appended through `appendOptimizerRecords`. */
export function libraryContract(stores: ContractStores): void {
  describe('libraries', () => {
    it('round-trips a library exactly, written in one batch with other optimizer records', async () => {
      const library = buildLibraryRecord();
      const result = await stores.corpus.appendOptimizerRecords([buildCandidateRecord(), library]);
      expect(result).toEqual({ inserted: 2, duplicates: 0 });
      expect(await stores.corpus.libraries()).toEqual([library]);
      expect(await stores.corpus.candidates()).toEqual([buildCandidateRecord()]);
    });

    it('counts the same library again as a duplicate, whatever its key order at any depth', async () => {
      await stores.corpus.appendOptimizerRecords([buildLibraryRecord()]);
      expect(await stores.corpus.appendOptimizerRecords([buildLibraryRecord()])).toEqual({
        inserted: 0,
        duplicates: 1,
      });
      const library = buildLibraryRecord();
      const reordered = Object.fromEntries(
        Object.entries({ ...library, source: Object.fromEntries(Object.entries(library.source).reverse()) }).reverse(),
      );
      expect(await stores.corpus.appendOptimizerRecords([reordered as never])).toEqual({
        inserted: 0,
        duplicates: 1,
      });
      expect(await stores.corpus.libraries()).toEqual([library]);
    });

    it('refuses a different library under a used id, naming the fields, and writes nothing from that batch', async () => {
      await stores.corpus.appendOptimizerRecords([buildLibraryRecord()]);
      const relearned = buildLibraryRecord({ createdAt: at(9), summary: { fragments: [] } });
      const error = await failureOf(
        stores.corpus.appendOptimizerRecords([
          buildCandidateRecord({ recordId: 'opt-1/fresh', hash: 'fresh' }),
          relearned,
        ]),
      );
      expect(RecordConflictError.isInstance(error)).toBe(true);
      expect((error as RecordConflictError).recordKind).toBe('library');
      expect(error.message).toBe(
        'a different library with id "library-0123456789abcdef" is already in the corpus (fields that differ: createdAt, summary); nothing from this batch was written; a library id names its content: look the library up by its hash before learning it again, or give a different library a new id',
      );
      expect(await stores.corpus.candidates()).toEqual([]);
      expect(await stores.corpus.libraries()).toEqual([buildLibraryRecord()]);
    });

    it('keeps library ids apart from other kinds: a gate and a library may share one', async () => {
      const gate = buildGateRecord({ recordId: 'shared-id' });
      const library = buildLibraryRecord({ recordId: 'shared-id' });
      expect(await stores.corpus.appendOptimizerRecords([gate, library])).toEqual({ inserted: 2, duplicates: 0 });
      expect(await stores.corpus.gateRecords()).toEqual([gate]);
      expect(await stores.corpus.libraries()).toEqual([library]);
    });

    it('refuses an invalid library, naming the record and the fields, and writes nothing of the batch', async () => {
      const base = buildLibraryRecord();
      const bad = buildLibraryRecord({
        learner: '',
        source: { ...base.source, benchmarks: ['sat', 'dsl'], runIds: ['run-1', 'run-1'], cells: -1 },
      });
      const error = await failureOf(stores.corpus.appendOptimizerRecords([buildCandidateRecord(), bad]));
      expect(InvalidRecordError.isInstance(error)).toBe(true);
      expect((error as InvalidRecordError).issues.map((issue) => issue.path)).toEqual([
        'learner',
        'source.benchmarks',
        'source.runIds',
        'source.cells',
      ]);
      expect(error.message).toMatch(/^records\[1\]: invalid library record: learner: /);
      const extra = { ...base, source: { ...base.source, holdout: 4 } };
      const strict = await failureOf(stores.corpus.appendOptimizerRecords([extra as never]));
      expect((strict as InvalidRecordError).issues.map((issue) => issue.path)).toEqual(['source']);
      expect(await stores.corpus.candidates()).toEqual([]);
      expect(await stores.corpus.libraries()).toEqual([]);
    });

    it('lists libraries in createdAt order, ties by record id, filtered by learner, controller and hash', async () => {
      // Appended out of order, to show the store orders by createdAt, not by insertion.
      await stores.corpus.appendOptimizerRecords([
        buildLibraryRecord({ recordId: 'lib-late', createdAt: at(5) }),
        buildLibraryRecord({ recordId: 'lib-b', hash: 'beef', createdAt: at(2) }),
        buildLibraryRecord({ recordId: 'lib-sat', learner: 'sat-settings', controllerId: 'sat-default', hash: 'beef' }),
        buildLibraryRecord({ recordId: 'lib-a', controllerId: 'dsl-greedy', createdAt: at(2) }),
        buildCandidateRecord({ hash: 'feedface' }),
      ]);
      const ids = async (filter?: LibraryFilter) => (await stores.corpus.libraries(filter)).map((l) => l.recordId);
      expect(await ids()).toEqual(['lib-sat', 'lib-a', 'lib-b', 'lib-late']);
      expect(await ids({ learner: 'dsl-fragments' })).toEqual(['lib-a', 'lib-b', 'lib-late']);
      expect(await ids({ controllerId: 'dsl-greedy' })).toEqual(['lib-a']);
      expect(await ids({ hash: 'beef' })).toEqual(['lib-sat', 'lib-b']);
      expect(await ids({ learner: 'dsl-fragments', controllerId: 'dsl-default', hash: 'feedface' })).toEqual([
        'lib-late',
      ]);
      expect(await ids({ learner: 'sat-settings', hash: 'feedface' })).toEqual([]);
    });
  });

  describe('JSON Lines interchange of libraries', () => {
    it('exports and imports libraries with the blob of their cell ids; a second import writes nothing', async () => {
      const source = stores.corpus;
      await source.putManifest(buildManifest());
      const dsl = await storedLibrary(source);
      const sat = await storedLibrary(source, {
        recordId: 'library-sat',
        learner: 'sat-settings',
        source: { ...buildLibraryRecord().source, benchmarks: ['dsl', 'sat'], runIds: ['run-1', 'run-2'] },
        createdAt: at(1),
      });
      await source.appendOptimizerRecords([dsl, sat]);
      const { body, summary } = await exported(source);
      expect(summary).toEqual({
        ...{ manifests: 1, attempts: 0, cells: 0, blobs: 2 },
        ...{ optimizations: 0, candidates: 0, iterations: 0, gates: 0, libraries: 2, flywheels: 0 },
      });
      const kinds = body
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line))
        .map((line) => `${line.kind} ${line.recordId ?? line.runId ?? line.sha256}`);
      const digests = [dsl.source.cellIds.sha256, sat.source.cellIds.sha256].sort();
      expect(kinds).toEqual([
        'manifest run-1',
        'library library-0123456789abcdef',
        'library library-sat',
        ...digests.map((digest) => `blob ${digest}`),
      ]);
      const target = await stores.another();
      const first = await importJsonl(target, Readable.from([body]));
      expect(first).toMatchObject({ libraries: 2, blobs: 2, inserted: 2, duplicates: 0 });
      expect(await target.libraries()).toEqual(await source.libraries());
      for (const library of [dsl, sat]) {
        const blob = await target.blob(library.source.cellIds.sha256);
        expect(JSON.parse(Buffer.from(blob?.data ?? []).toString('utf8'))).toEqual([`${library.recordId}/cell-1`]);
        expect(blob?.ref).toEqual(library.source.cellIds);
      }
      expect(await importJsonl(target, Readable.from([body]))).toMatchObject({ inserted: 0, duplicates: 2 });
      expect((await exported(target)).body).toBe(body);
    });

    it('exports a benchmark’s libraries (learned from it, among others) and none with a run', async () => {
      const dsl = await storedLibrary(stores.corpus);
      const both = buildLibraryRecord({
        recordId: 'library-both',
        source: { ...buildLibraryRecord().source, benchmarks: ['dsl', 'sat'] },
      });
      await stores.corpus.putManifest(buildManifest());
      await stores.corpus.appendOptimizerRecords([dsl, both]);
      const ids = (body: string) =>
        body
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line))
          .filter((line) => line.kind === 'library')
          .map((line) => line.recordId);
      const sat = await exported(stores.corpus, { benchmark: 'sat' });
      expect(ids(sat.body)).toEqual(['library-both']);
      expect(sat.summary).toMatchObject({ libraries: 1, blobs: 0 });
      const swe = await exported(stores.corpus, { benchmark: 'swe' });
      expect(swe.summary).toMatchObject({ libraries: 0, blobs: 0 });
      const run = await exported(stores.corpus, { runId: 'run-1' });
      expect(run.summary).toMatchObject({ manifests: 1, libraries: 0, blobs: 0 });
      expect(ids(run.body)).toEqual([]);
    });
  });
}
