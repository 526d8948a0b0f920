import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Corpus } from '../corpus';
import { InvalidRecordError } from '../invalid-record-error';
import { openCorpus } from '../open-corpus';
import { RecordConflictError } from '../record-conflict-error';
import { buildCellRecord, buildManifest, buildRunRecord, buildVerdict } from '../test';

let corpus: Corpus;
beforeEach(async () => {
  corpus = await openCorpus('sqlite::memory:');
});
afterEach(async () => {
  await corpus.close();
});

describe('SqliteCorpus.append', () => {
  it('round-trips attempts and cells exactly', async () => {
    const record = buildRunRecord();
    const cell = buildCellRecord();
    expect(await corpus.append([record, cell])).toEqual({ inserted: 2, duplicates: 0 });
    expect(await corpus.records({ runId: 'run-1' })).toEqual([record]);
    expect(await corpus.cells({ runId: 'run-1' })).toEqual([cell]);
  });

  it('treats a retried write of the same records as a no-op', async () => {
    const records = [buildRunRecord(), buildRunRecord({ recordId: 'r-2', attempt: 1 })];
    await corpus.append(records);
    expect(await corpus.append(records)).toEqual({ inserted: 0, duplicates: 2 });
    expect((await corpus.stats()).attempts).toBe(2);
  });

  it('refuses a different record under a used id and writes nothing from that batch', async () => {
    await corpus.append([buildRunRecord()]);
    const batch = [buildRunRecord({ recordId: 'fresh' }), buildRunRecord({ output: { inline: 'other answer' } })];
    await expect(corpus.append(batch)).rejects.toThrow(RecordConflictError);
    await expect(corpus.append(batch)).rejects.toThrow(/a different attempt with id "run-1\/random\/task-1\/0\/0"/);
    expect((await corpus.records()).map((r) => r.recordId)).toEqual(['run-1/random/task-1/0/0']);
  });

  it('validates the whole batch before writing any of it', async () => {
    const bad = { ...buildRunRecord({ recordId: 'bad' }), usage: { turns: 1 } };
    await expect(corpus.append([buildRunRecord(), bad as never])).rejects.toThrow(
      /records\[1\]: invalid attempt record/,
    );
    await expect(corpus.append([buildRunRecord(), bad as never])).rejects.toThrow(InvalidRecordError);
    expect((await corpus.stats()).attempts).toBe(0);
  });
});

describe('SqliteCorpus queries', () => {
  beforeEach(async () => {
    const records = [
      buildRunRecord({ recordId: 'a', armId: 'random', taskId: 't1', createdAt: '2026-01-01T00:00:00.000Z' }),
      buildRunRecord({ recordId: 'b', armId: 'refine', taskId: 't1', createdAt: '2026-01-02T00:00:00.000Z' }),
      buildRunRecord({
        recordId: 'c',
        armId: 'refine',
        taskId: 't2',
        split: 'holdout',
        createdAt: '2026-01-03T00:00:00.000Z',
      }),
      buildRunRecord({ recordId: 'd', runId: 'run-2', benchmark: 'sat', createdAt: '2026-01-04T00:00:00.000Z' }),
    ];
    await corpus.append(records);
  });

  const ids = async (filter: Parameters<Corpus['records']>[0]) => (await corpus.records(filter)).map((r) => r.recordId);

  it('filters by run, benchmark, arm, split, task and time', async () => {
    expect(await ids({ runId: 'run-1' })).toEqual(['a', 'b', 'c']);
    expect(await ids({ benchmark: 'sat' })).toEqual(['d']);
    expect(await ids({ runId: 'run-1', armId: 'refine' })).toEqual(['b', 'c']);
    expect(await ids({ split: 'holdout' })).toEqual(['c']);
    expect(await ids({ taskId: 't1' })).toEqual(['a', 'b']);
    expect(await ids({ since: '2026-01-02T00:00:00.000Z', until: '2026-01-04T00:00:00.000Z' })).toEqual(['b', 'c']);
    expect(await ids({ limit: 2 })).toEqual(['a', 'b']);
    expect(await corpus.recordIds({ runId: 'run-1', armId: 'refine' })).toEqual(['b', 'c']);
  });

  it('returns the cells of the named arms', async () => {
    await corpus.append([
      buildCellRecord({ cellId: 'x', armId: 'random' }),
      buildCellRecord({ cellId: 'y', armId: 'refine' }),
      buildCellRecord({ cellId: 'z', armId: 'blind' }),
    ]);
    const cells = await corpus.cells({ runId: 'run-1', arms: ['random', 'refine'] });
    expect(cells.map((c) => c.cellId)).toEqual(['x', 'y']);
  });
});

describe('SqliteCorpus manifests', () => {
  it('lets the lifecycle change but freezes what was pre-registered', async () => {
    const manifest = buildManifest();
    await corpus.putManifest(manifest);
    await corpus.putManifest({ ...manifest, status: 'completed', endedAt: '2026-01-01T01:00:00.000Z' });
    expect((await corpus.manifest('run-1'))?.status).toBe('completed');
    const moved = { ...manifest, primaryContrast: { name: 'steering', baseline: 'blind', candidate: 'refine' } };
    await expect(corpus.putManifest(moved)).rejects.toThrow(
      /a different manifest with id "run-1" .*fields frozen when the run started changed: primaryContrast/,
    );
    expect((await corpus.runs({ status: 'completed' })).map((m) => m.runId)).toEqual(['run-1']);
  });
});

describe('SqliteCorpus blobs', () => {
  it('stores content by sha256 once', async () => {
    const first = await corpus.putBlob('a long trace', 'text/plain');
    const second = await corpus.putBlob(new TextEncoder().encode('a long trace'), 'text/plain');
    // sha256('a long trace'), from `printf 'a long trace' | sha256sum`
    expect(first).toEqual({
      sha256: '52fa6d4d4814a594e9ed74299a4992f265c8fffd15bc20ff252149908b7a17ae',
      bytes: 12,
      mediaType: 'text/plain',
    });
    expect(second).toEqual(first);
    expect((await corpus.stats()).blobs).toBe(1);
    const stored = await corpus.blob(first.sha256);
    expect(new TextDecoder().decode(stored?.data)).toBe('a long trace');
    expect(await corpus.blob('0'.repeat(64))).toBeNull();
  });
});

describe('SqliteCorpus.attachVerdicts', () => {
  it('fills in a verdict once, accepts the same one again, and refuses a different one', async () => {
    const record = buildRunRecord({ verdict: null });
    await corpus.append([record]);
    const verdict = buildVerdict(true);
    expect(await corpus.attachVerdicts([{ recordId: record.recordId, verdict }])).toEqual({
      inserted: 1,
      duplicates: 0,
    });
    expect(await corpus.attachVerdicts([{ recordId: record.recordId, verdict }])).toEqual({
      inserted: 0,
      duplicates: 1,
    });
    expect((await corpus.records())[0]?.verdict).toEqual(verdict);
    await expect(corpus.attachVerdicts([{ recordId: record.recordId, verdict: buildVerdict(false) }])).rejects.toThrow(
      /already has a different verdict/,
    );
    await expect(corpus.attachVerdicts([{ recordId: 'missing', verdict }])).rejects.toThrow(
      /no attempt with id "missing" is in the corpus/,
    );
  });
});

describe('SqliteCorpus.stats', () => {
  it('tells attempts in cells from attempts of abandoned tries and of unfinished cells', async () => {
    const attempt = (recordId: string, overrides: Parameters<typeof buildRunRecord>[0] = {}) =>
      buildRunRecord({ recordId, taskId: 'task-1', ...overrides });
    await corpus.append([
      // task-1: try 0 left two attempts and was killed; try 1 finished the cell with one.
      attempt('t1/t0/a0', { try: 0 }),
      attempt('t1/t0/a1', { try: 0, attempt: 1 }),
      attempt('t1/t1/a0', { try: 1 }),
      buildCellRecord({
        cellId: 'c-1',
        taskId: 'task-1',
        try: 1,
        attemptIds: ['t1/t1/a0'],
        finalAttemptId: 't1/t1/a0',
      }),
      // task-2: one attempt, its cell not recorded yet.
      attempt('t2/t0/a0', { taskId: 'task-2' }),
      // Another benchmark, one finished cell.
      attempt('s/t0/a0', { runId: 'run-2', benchmark: 'sat' }),
      buildCellRecord({ cellId: 'c-2', runId: 'run-2', benchmark: 'sat', attemptIds: ['s/t0/a0'] }),
    ]);
    const stats = await corpus.stats();
    expect(stats).toMatchObject({
      attempts: 5,
      attemptsInCells: 2,
      abandonedAttempts: 2,
      unfinishedAttempts: 1,
      cells: 2,
    });
    expect(stats.benchmarks).toEqual([
      {
        benchmark: 'dsl',
        runs: 0,
        attempts: 4,
        attemptsInCells: 1,
        abandonedAttempts: 2,
        unfinishedAttempts: 1,
        cells: 1,
      },
      {
        benchmark: 'sat',
        runs: 0,
        attempts: 1,
        attemptsInCells: 1,
        abandonedAttempts: 0,
        unfinishedAttempts: 0,
        cells: 1,
      },
    ]);
  });
});
