import { PassThrough, Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import type { Corpus, FlywheelFilter } from '../../corpus';
import { type ExportFilter, type ExportSummary, exportJsonl } from '../../export-jsonl';
import { importJsonl } from '../../import-jsonl';
import { InvalidRecordError } from '../../invalid-record-error';
import { RecordConflictError } from '../../record-conflict-error';
import {
  buildCandidateRecord,
  buildFlywheelRecord,
  buildGateRecord,
  buildIterationRecord,
  buildManifest,
} from '../record-builders';
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

/** The `kind recordId` of every line of an export, in file order. */
function lineIds(body: string): string[] {
  return body
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line))
    .map((line) => `${line.kind} ${line.recordId ?? line.runId ?? line.optimizationId ?? line.sha256}`);
}

/** Flywheel decisions (`kind: 'flywheel'`), appended through `appendOptimizerRecords`. */
export function flywheelContract(stores: ContractStores): void {
  describe('flywheel records', () => {
    it('round-trips generations and the verdict exactly, written in one batch with other optimizer records', async () => {
      const generation = buildFlywheelRecord({ generation: 0 });
      const verdict = buildFlywheelRecord({ generation: null });
      const result = await stores.corpus.appendOptimizerRecords([buildCandidateRecord(), generation, verdict]);
      expect(result).toEqual({ inserted: 3, duplicates: 0 });
      expect(generation.recordId).toBe('fly-1a2b3c4d5e6f/g0');
      expect(verdict.recordId).toBe('fly-1a2b3c4d5e6f/verdict');
      expect(await stores.corpus.flywheelRecords()).toEqual([generation, verdict]);
      expect(await stores.corpus.candidates()).toEqual([buildCandidateRecord()]);
    });

    it('counts the same decision again as a duplicate, whatever its key order at any depth', async () => {
      const record = buildFlywheelRecord();
      await stores.corpus.appendOptimizerRecords([record]);
      const decision = record.decision as Record<string, unknown>;
      const reordered = Object.fromEntries(
        Object.entries({ ...record, decision: Object.fromEntries(Object.entries(decision).reverse()) }).reverse(),
      );
      expect(await stores.corpus.appendOptimizerRecords([reordered as never])).toEqual({
        inserted: 0,
        duplicates: 1,
      });
      expect(await stores.corpus.flywheelRecords()).toEqual([record]);
    });

    it('refuses a second, different decision on a generation, naming the fields, and writes nothing of that batch', async () => {
      await stores.corpus.appendOptimizerRecords([buildFlywheelRecord()]);
      const redecided = buildFlywheelRecord({ decision: { difference: { estimate: -0.1 } }, createdAt: at(9) });
      const error = await failureOf(
        stores.corpus.appendOptimizerRecords([
          buildCandidateRecord({ recordId: 'opt-1/fresh', hash: 'fresh' }),
          buildFlywheelRecord({ generation: 2 }),
          redecided,
        ]),
      );
      expect(RecordConflictError.isInstance(error)).toBe(true);
      expect((error as RecordConflictError).recordKind).toBe('flywheel');
      expect((error as RecordConflictError).id).toBe('fly-1a2b3c4d5e6f/g1');
      expect(error.message).toBe(
        'a different flywheel with id "fly-1a2b3c4d5e6f/g1" is already in the corpus (fields that differ: createdAt, decision); nothing from this batch was written; a flywheel decides each generation and its verdict once: a resumed flywheel must write the same decision, and a changed flywheel gets a new flywheel id',
      );
      expect(await stores.corpus.candidates()).toEqual([]);
      expect(await stores.corpus.flywheelRecords()).toEqual([buildFlywheelRecord()]);
    });

    it('refuses a record id that does not match its flywheel and generation, naming recordId', async () => {
      const mismatched = [
        buildFlywheelRecord({ generation: 2, recordId: 'fly-1a2b3c4d5e6f/g1' }),
        buildFlywheelRecord({ generation: 1, recordId: 'fly-1a2b3c4d5e6f/verdict' }),
        buildFlywheelRecord({ generation: null, recordId: 'fly-1a2b3c4d5e6f/g0' }),
        buildFlywheelRecord({ flywheelId: 'fly-other', recordId: 'fly-1a2b3c4d5e6f/g1' }),
        buildFlywheelRecord({ recordId: 'fly-1a2b3c4d5e6f/g01' }),
      ];
      for (const record of mismatched) {
        const error = await failureOf(stores.corpus.appendOptimizerRecords([buildCandidateRecord(), record]));
        expect(InvalidRecordError.isInstance(error)).toBe(true);
        expect((error as InvalidRecordError).issues.map((issue) => issue.path)).toEqual(['recordId']);
        expect(error.message).toMatch(/^records\[1\]: invalid flywheel record: recordId: must be `<flywheelId>\//);
      }
      expect(await stores.corpus.candidates()).toEqual([]);
      expect(await stores.corpus.flywheelRecords()).toEqual([]);
    });

    it('refuses an invalid flywheel record, naming each bad field', async () => {
      const bad = { ...buildFlywheelRecord(), generation: -1, benchmark: 'dsl\n', decision: Number.NaN };
      const error = await failureOf(stores.corpus.appendOptimizerRecords([bad as never]));
      expect(InvalidRecordError.isInstance(error)).toBe(true);
      expect((error as InvalidRecordError).issues.map((issue) => issue.path)).toEqual([
        'benchmark',
        'generation',
        'decision',
      ]);
      const fractional = await failureOf(
        stores.corpus.appendOptimizerRecords([{ ...buildFlywheelRecord(), generation: 1.5 } as never]),
      );
      expect((fractional as InvalidRecordError).issues.map((issue) => issue.path)).toEqual(['generation']);
      const extra = await failureOf(
        stores.corpus.appendOptimizerRecords([{ ...buildFlywheelRecord(), arms: 2 } as never]),
      );
      expect((extra as InvalidRecordError).issues.map((issue) => issue.path)).toEqual(['']);
      expect(await stores.corpus.flywheelRecords()).toEqual([]);
    });

    it('keeps flywheel ids apart from other kinds, and out of the optimization queries that share their columns', async () => {
      const flywheel = buildFlywheelRecord({ flywheelId: 'opt-1', generation: 1 });
      const iteration = buildIterationRecord({ recordId: 'opt-1/g1', optimizationId: 'opt-1', iteration: 1 });
      const gate = buildGateRecord({ recordId: 'opt-1/g1' });
      expect(await stores.corpus.appendOptimizerRecords([flywheel, iteration, gate])).toEqual({
        inserted: 3,
        duplicates: 0,
      });
      expect(await stores.corpus.iterations('opt-1')).toEqual([iteration]);
      expect(await stores.corpus.candidates({ optimizationId: 'opt-1' })).toEqual([]);
      expect(await stores.corpus.gateRecords({ benchmark: 'dsl' })).toEqual([gate]);
      expect(await stores.corpus.flywheelRecords()).toEqual([flywheel]);
    });

    it('lists decisions by flywheel, then generation numerically, the verdict last; filtered by flywheel and benchmark', async () => {
      // Appended out of order, with generation 10 and early createdAt on the verdict, to show the order is
      // by generation (10 after 2), not by insertion, text or time.
      await stores.corpus.appendOptimizerRecords([
        buildFlywheelRecord({ flywheelId: 'fly-b', generation: null, createdAt: at(0) }),
        buildFlywheelRecord({ flywheelId: 'fly-b', generation: 10, createdAt: at(3) }),
        buildFlywheelRecord({ flywheelId: 'fly-b', generation: 2, createdAt: at(4) }),
        buildFlywheelRecord({ flywheelId: 'fly-sat', benchmark: 'sat', generation: 0 }),
        buildFlywheelRecord({ flywheelId: 'fly-a', generation: 1 }),
        buildFlywheelRecord({ flywheelId: 'fly-b', generation: 0, createdAt: at(5) }),
        buildFlywheelRecord({ flywheelId: 'fly-a', generation: 0 }),
        buildIterationRecord(),
      ]);
      const ids = async (filter?: FlywheelFilter) =>
        (await stores.corpus.flywheelRecords(filter)).map((record) => record.recordId);
      expect(await ids()).toEqual([
        'fly-a/g0',
        'fly-a/g1',
        'fly-b/g0',
        'fly-b/g2',
        'fly-b/g10',
        'fly-b/verdict',
        'fly-sat/g0',
      ]);
      expect(await ids({ flywheelId: 'fly-b' })).toEqual(['fly-b/g0', 'fly-b/g2', 'fly-b/g10', 'fly-b/verdict']);
      expect(await ids({ benchmark: 'sat' })).toEqual(['fly-sat/g0']);
      expect(await ids({ flywheelId: 'fly-a', benchmark: 'dsl' })).toEqual(['fly-a/g0', 'fly-a/g1']);
      expect(await ids({ flywheelId: 'fly-a', benchmark: 'sat' })).toEqual([]);
      expect(await ids({ flywheelId: 'opt-1' })).toEqual([]);
    });
  });

  describe('JSON Lines interchange of flywheel records', () => {
    it('exports and imports flywheel decisions after the other optimizer records; a second import writes nothing', async () => {
      const source = stores.corpus;
      await source.putManifest(buildManifest());
      const decisions = [
        buildFlywheelRecord({ generation: 0 }),
        buildFlywheelRecord({ generation: 1 }),
        buildFlywheelRecord({ generation: null }),
      ];
      await source.appendOptimizerRecords([buildGateRecord(), ...[...decisions].reverse()]);
      const { body, summary } = await exported(source);
      expect(summary).toEqual({
        ...{ manifests: 1, attempts: 0, cells: 0, blobs: 0 },
        ...{ optimizations: 0, candidates: 0, iterations: 0, gates: 1, libraries: 0, flywheels: 3 },
      });
      expect(lineIds(body)).toEqual([
        'manifest run-1',
        'gate gate/dsl/holdout-1/c0ffee',
        'flywheel fly-1a2b3c4d5e6f/g0',
        'flywheel fly-1a2b3c4d5e6f/g1',
        'flywheel fly-1a2b3c4d5e6f/verdict',
      ]);
      const target = await stores.another();
      const first = await importJsonl(target, Readable.from([body]));
      expect(first).toMatchObject({ flywheels: 3, gates: 1, inserted: 4, duplicates: 0 });
      expect(await target.flywheelRecords()).toEqual(await source.flywheelRecords());
      expect(await importJsonl(target, Readable.from([body]))).toMatchObject({ inserted: 0, duplicates: 4 });
      expect((await exported(target)).body).toBe(body);
    });

    it('exports a benchmark’s flywheel decisions with it, and none with a run', async () => {
      await stores.corpus.putManifest(buildManifest());
      await stores.corpus.appendOptimizerRecords([
        buildFlywheelRecord({ flywheelId: 'fly-dsl', generation: 0 }),
        buildFlywheelRecord({ flywheelId: 'fly-sat', benchmark: 'sat', generation: 0 }),
        buildFlywheelRecord({ flywheelId: 'fly-sat', benchmark: 'sat', generation: null }),
      ]);
      const flywheels = (body: string) => lineIds(body).filter((line) => line.startsWith('flywheel '));
      const sat = await exported(stores.corpus, { benchmark: 'sat' });
      expect(flywheels(sat.body)).toEqual(['flywheel fly-sat/g0', 'flywheel fly-sat/verdict']);
      expect(sat.summary).toMatchObject({ flywheels: 2 });
      const swe = await exported(stores.corpus, { benchmark: 'swe' });
      expect(swe.summary).toMatchObject({ flywheels: 0 });
      const run = await exported(stores.corpus, { runId: 'run-1' });
      expect(run.summary).toMatchObject({ manifests: 1, flywheels: 0 });
      expect(flywheels(run.body)).toEqual([]);
    });
  });
}
