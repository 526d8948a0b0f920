import { PassThrough, Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Corpus } from './corpus';
import { exportJsonl } from './export-jsonl';
import { importJsonl } from './import-jsonl';
import { InvalidRecordError } from './invalid-record-error';
import { openCorpus } from './open-corpus';
import { RecordConflictError } from './record-conflict-error';
import {
  buildCandidateRecord,
  buildCellRecord,
  buildGateRecord,
  buildIterationRecord,
  buildManifest,
  buildOptimizationRecord,
  buildRunRecord,
} from './test';
import { v1ExportJsonl } from './test/v1-export';

let source: Corpus;
let target: Corpus;
beforeEach(async () => {
  source = await openCorpus('sqlite::memory:');
  target = await openCorpus('sqlite::memory:');
  const trace = await source.putBlob('{"events":[1,2,3]}', 'application/json');
  await source.putManifest(buildManifest());
  await source.append([
    buildRunRecord({ trace: { summary: 'three events', events: 3, blob: trace } }),
    buildRunRecord({ recordId: 'r-2', attempt: 1 }),
    buildCellRecord(),
  ]);
  await source.putManifest(buildManifest({ runId: 'run-2' }));
});
afterEach(async () => {
  await source.close();
  await target.close();
});

async function exported(filter = {}) {
  const stream = new PassThrough();
  const done = exportJsonl(source, filter, stream).then((summary) => {
    stream.end();
    return summary;
  });
  const body = await text(stream);
  return { body, summary: await done };
}

describe('exportJsonl / importJsonl', () => {
  it('exports one run: its manifest, attempts, cells and the blobs they reference, one per line', async () => {
    const { body, summary } = await exported({ runId: 'run-1' });
    expect(summary).toEqual({
      ...{ manifests: 1, attempts: 2, cells: 1, blobs: 1 },
      ...{ optimizations: 0, candidates: 0, iterations: 0, gates: 0, libraries: 0, flywheels: 0 },
    });
    expect(body.split('\n').map((line) => (line ? JSON.parse(line).kind : ''))).toEqual([
      'manifest',
      'attempt',
      'attempt',
      'cell',
      'blob',
      '',
    ]);
    const imported = await importJsonl(target, Readable.from([body]));
    expect(imported).toMatchObject({ lines: 5, manifests: 1, attempts: 2, cells: 1, blobs: 1, inserted: 3 });
    expect(await target.runs()).toEqual([await source.manifest('run-1')]);
  });

  it('refuses a bad line with its number, keeping the lines before it whole', async () => {
    const { body } = await exported({ runId: 'run-1' });
    const lines = body.trim().split('\n');
    const broken = JSON.parse(lines[2] as string);
    broken.usage.tokensIn = -5;
    lines[2] = JSON.stringify(broken);
    const attempt = importJsonl(target, Readable.from([lines.join('\n')]), { source: 'run-1.jsonl' });
    await expect(attempt).rejects.toThrow(InvalidRecordError);
    await expect(importJsonl(target, Readable.from([lines.join('\n')]), { source: 'run-1.jsonl' })).rejects.toThrow(
      /^run-1\.jsonl, line 3: invalid corpus line: usage\.tokensIn: /,
    );
    const kept = await target.records();
    // Line 1 is the manifest, line 2 the first attempt (export order: createdAt, then id).
    expect(kept.map((r) => r.recordId)).toEqual(['r-2']);
    expect(await target.manifest('run-1')).not.toBeNull();
  });

  it('says how much of the file was imported and kept before the bad line, and that a re-import skips it', async () => {
    const { body } = await exported({ runId: 'run-1' });
    const lines = body.trim().split('\n');
    const broken = JSON.parse(lines[3] as string);
    broken.createdAt = 'yesterday';
    lines[3] = JSON.stringify(broken);
    const error = await importJsonl(target, Readable.from([lines.join('\n')]), { source: 'run-1.jsonl' }).catch(
      (caught: unknown) => caught,
    );
    expect(InvalidRecordError.isInstance(error)).toBe(true);
    expect((error as InvalidRecordError).imported).toEqual({ lines: 3, records: 2 });
    expect((error as Error).message).toMatch(
      /^run-1\.jsonl, line 4: invalid corpus line: createdAt: .*; the 3 lines before it \(2 records\) were imported and kept: fix this line and import the file again, and they are skipped as duplicates$/,
    );
    expect(await target.recordIds()).toHaveLength(2);
    const fixed = await importJsonl(target, Readable.from([body]), { source: 'run-1.jsonl' });
    expect(fixed).toMatchObject({ inserted: 1, duplicates: 2 });
  });

  it('says nothing was imported when the first line is bad', async () => {
    await expect(importJsonl(target, Readable.from(['{"kind":"cell"}\n']))).rejects.toThrow(
      /^input, line 1: invalid corpus line: .*; nothing was imported: fix this line and import the file again$/,
    );
  });

  it('refuses a line that is not JSON, without echoing it', async () => {
    const input = Readable.from([`${JSON.stringify(buildManifest())}\n{"kind": "attempt", secret-token\n`]);
    await expect(importJsonl(target, input)).rejects.toThrow(
      /^input, line 2: invalid line: \(record\): is not valid JSON/,
    );
  });

  it('refuses a blob whose bytes do not match its digest', async () => {
    const line = {
      kind: 'blob',
      sha256: 'a'.repeat(64),
      mediaType: 'text/plain',
      base64: Buffer.from('x').toString('base64'),
    };
    await expect(importJsonl(target, Readable.from([JSON.stringify(line)]))).rejects.toThrow(
      /line 1: invalid blob line: base64: does not hash to the sha256 the line declares/,
    );
  });

  it('refuses a v1 cell chosen by the oracle with its line number', async () => {
    await expect(
      importJsonl(target, Readable.from([v1ExportJsonl('oracle')]), { source: 'old.jsonl' }),
    ).rejects.toThrow(
      /^old\.jsonl, line 4: invalid corpus line: chosenBy: cell "run-v1\/random\/task-1\/0" cannot be upgraded: its final output was chosen by 'oracle'/,
    );
    expect(await target.cells({ runId: 'run-v1' })).toEqual([]);
  });

  describe('optimizer records', () => {
    beforeEach(async () => {
      await source.putOptimization(buildOptimizationRecord());
      await source.putOptimization(buildOptimizationRecord({ optimizationId: 'opt-sat', benchmark: 'sat' }));
      await source.appendOptimizerRecords([
        buildCandidateRecord(),
        buildCandidateRecord({ recordId: 'opt-sat/c0ffee', optimizationId: 'opt-sat' }),
        buildIterationRecord(),
        buildIterationRecord({ recordId: 'opt-sat/1', optimizationId: 'opt-sat' }),
        buildGateRecord(),
        buildGateRecord({ recordId: 'gate-sat', benchmark: 'sat', optimizationId: 'opt-sat' }),
      ]);
    });

    const keys = (body: string) =>
      body
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line))
        .filter((line) => !['manifest', 'attempt', 'cell', 'blob'].includes(line.kind))
        .map((line) => `${line.kind} ${line.recordId ?? line.optimizationId}`);

    it('exports the optimizations of a benchmark with their candidates and iterations, and its gates', async () => {
      const { body, summary } = await exported({ benchmark: 'sat' });
      expect(summary).toMatchObject({ optimizations: 1, candidates: 1, iterations: 1, gates: 1 });
      expect(keys(body)).toEqual([
        'optimization opt-sat',
        'candidate opt-sat/c0ffee',
        'iteration opt-sat/1',
        'gate gate-sat',
      ]);
    });

    it('leaves optimizer records out of the export of one run', async () => {
      const { body, summary } = await exported({ runId: 'run-1' });
      expect(summary).toMatchObject({ manifests: 1, optimizations: 0, candidates: 0, iterations: 0, gates: 0 });
      expect(keys(body)).toEqual([]);
    });

    it('refuses an imported gate record that contradicts the ledger, writing nothing of its batch', async () => {
      await target.appendOptimizerRecords([buildGateRecord({ promoted: false, reason: 'ci-below-threshold' })]);
      const { body } = await exported();
      const error = await importJsonl(target, Readable.from([body])).catch((caught: unknown) => caught);
      expect(RecordConflictError.isInstance(error)).toBe(true);
      expect((error as Error).message).toMatch(
        /^a different gate with id "gate\/dsl\/holdout-1\/c0ffee" .*promoted, reason/,
      );
      expect(await target.candidates()).toEqual([]);
      expect(await target.gateRecords()).toHaveLength(1);
    });
  });
});
