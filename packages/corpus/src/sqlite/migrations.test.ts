import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { CorpusVersionError } from '../corpus-version-error';
import { openCorpus } from '../open-corpus';
import { RecordUpgradeError } from '../record-upgrade-error';
import {
  buildCandidateRecord,
  buildGateRecord,
  buildIterationRecord,
  buildManifest,
  buildOptimizationRecord,
  buildRunRecord,
} from '../test';
import { v1Attempts, v1Cell, v1Manifest } from '../test/v1-export';
import { latestSchemaVersion, migrate, migrations } from './migrations';

const scratch = () => join(mkdtempSync(join(tmpdir(), 'ratchet-corpus-')), 'corpus.db');

/** A corpus file as Ratchet with record schema 1 left it: the v1 tables, holding v1 bodies. */
function writeV1Store(path: string, cellChosenBy: 'checks' | 'oracle' = 'checks') {
  const db = new DatabaseSync(path);
  db.exec('PRAGMA page_size = 16384');
  db.exec('PRAGMA journal_mode = WAL');
  migrate(
    db,
    path,
    migrations.filter((step) => step.version === 1),
  );
  const m = v1Manifest;
  db.prepare('INSERT INTO manifests VALUES (?, ?, ?, ?, ?)').run(
    m.runId,
    m.benchmark,
    m.status,
    m.startedAt,
    JSON.stringify(m),
  );
  for (const a of v1Attempts) {
    db.prepare('INSERT INTO attempts VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      a.recordId,
      a.runId,
      a.armId,
      a.taskId,
      a.benchmark,
      a.split,
      a.createdAt,
      JSON.stringify(a),
    );
  }
  const c = v1Cell(cellChosenBy);
  db.prepare('INSERT INTO cells VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    c.cellId,
    c.runId,
    c.armId,
    c.taskId,
    c.benchmark,
    c.split,
    c.status,
    1,
    c.createdAt,
    JSON.stringify(c),
  );
  db.close();
}

function storedVersion(path: string) {
  const db = new DatabaseSync(path, { readOnly: true });
  const row = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as { value: string };
  db.close();
  return Number(row.value);
}

describe('migrate', () => {
  it('creates the schema once and records its version', async () => {
    const path = scratch();
    const corpus = await openCorpus(`sqlite:${path}`);
    await corpus.append([buildRunRecord()]);
    await corpus.close();
    const reopened = await openCorpus(`sqlite:${path}`);
    expect((await reopened.stats()).attempts).toBe(1);
    expect((await reopened.stats()).schemaVersion).toBe(3);
    expect(latestSchemaVersion).toBe(3);
    await reopened.close();
  });

  it('runs only the pending steps, in order, keeping the data', () => {
    const db = new DatabaseSync(':memory:');
    expect(migrate(db, 'test')).toBe(3);
    db.exec(`INSERT INTO blobs VALUES ('${'a'.repeat(64)}', 'text/plain', 1, x'41')`);
    const next = [
      ...migrations,
      { version: 4, description: 'add a column', sql: 'ALTER TABLE blobs ADD COLUMN note TEXT' },
    ];
    expect(migrate(db, 'test', next)).toBe(4);
    expect(migrate(db, 'test', next)).toBe(4);
    expect(db.prepare('SELECT bytes, note FROM blobs').get()).toEqual({ bytes: 1, note: null });
    db.close();
  });

  it('refuses a corpus from a newer Ratchet without touching the file', async () => {
    const path = scratch();
    const corpus = await openCorpus(`sqlite:${path}`);
    await corpus.close();
    const db = new DatabaseSync(path);
    db.exec("UPDATE meta SET value = '99' WHERE key = 'schema_version'");
    db.close();
    const before = readFileSync(path);
    await expect(openCorpus(`sqlite:${path}`)).rejects.toThrow(CorpusVersionError);
    await expect(openCorpus(`sqlite:${path}`)).rejects.toThrow(
      /has corpus schema version 99, but this Ratchet supports up to 3; upgrade @ratchet\/corpus .*not modified/,
    );
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});

describe('migration 2 (record schema 2)', () => {
  it('upgrades a v1 corpus on open: stop reason out of the notes, tries out of the ids, work units unmeasured', async () => {
    const path = scratch();
    writeV1Store(path);
    expect(storedVersion(path)).toBe(1);
    const corpus = await openCorpus(`sqlite:${path}`);
    const manifest = await corpus.manifest('run-v1');
    expect(manifest).toMatchObject({ schemaVersion: 2, status: 'interrupted', stopReason: 'spend-cap' });
    expect(manifest?.plannedCells).toBeNull();
    expect(manifest && 'notes' in manifest).toBe(false);
    const attempts = await corpus.records({ runId: 'run-v1' });
    expect(attempts.map((a) => [a.recordId, a.schemaVersion, a.try, a.failure, a.usage.workUnits])).toEqual([
      ['run-v1/random/task-1/0/t0/a0', 2, 0, null, null],
      ['run-v1/random/task-1/0/t1/a0', 2, 1, null, null],
    ]);
    const [cell] = await corpus.cells({ runId: 'run-v1' });
    expect(cell).toMatchObject({ schemaVersion: 2, try: 1, chosenBy: 'checks', spend: { workUnits: null } });
    expect(await corpus.stats()).toMatchObject({ attempts: 2, cells: 1, schemaVersion: 3 });
    await corpus.close();
    expect(storedVersion(path)).toBe(3);
    const db = new DatabaseSync(path, { readOnly: true });
    expect(db.prepare('SELECT record_id, try_number, replicate FROM attempts ORDER BY record_id').all()).toEqual([
      { record_id: 'run-v1/random/task-1/0/t0/a0', try_number: 0, replicate: 0 },
      { record_id: 'run-v1/random/task-1/0/t1/a0', try_number: 1, replicate: 0 },
    ]);
    expect(db.prepare('SELECT try_number, replicate FROM cells').all()).toEqual([{ try_number: 1, replicate: 0 }]);
    db.close();
  });

  it('refuses a v1 cell chosen by the oracle, naming it, and leaves the file at version 1', async () => {
    const path = scratch();
    writeV1Store(path, 'oracle');
    const before = readFileSync(path);
    const opening = openCorpus(`sqlite:${path}`);
    await expect(opening).rejects.toThrow(RecordUpgradeError);
    await expect(openCorpus(`sqlite:${path}`)).rejects.toThrow(
      /cell "run-v1\/random\/task-1\/0" cannot be upgraded to the current record schema: its final output was chosen by 'oracle' .*docs\/design\.md rule 2 .*was not modified/,
    );
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(storedVersion(path)).toBe(1);
    const db = new DatabaseSync(path, { readOnly: true });
    const columns = db.prepare('SELECT name FROM pragma_table_info(?)').all('attempts') as Array<{ name: string }>;
    expect(columns.map((column) => column.name)).not.toContain('try_number');
    const body = db.prepare('SELECT body FROM manifests').get() as { body: string };
    expect(JSON.parse(body.body)).toEqual(v1Manifest);
    db.close();
  });
});

describe('migration 3 (optimizer records)', () => {
  /** A corpus file as Ratchet with corpus schema 2 left it: one run, no optimizer tables. */
  function writeV2Store(path: string) {
    const db = new DatabaseSync(path);
    db.exec('PRAGMA journal_mode = WAL');
    migrate(
      db,
      path,
      migrations.filter((step) => step.version <= 2),
    );
    const m = buildManifest();
    db.prepare('INSERT INTO manifests VALUES (?, ?, ?, ?, ?)').run(
      m.runId,
      m.benchmark,
      m.status,
      m.startedAt,
      JSON.stringify(m),
    );
    db.close();
  }

  it('opens a schema-2 corpus, keeps its runs, and adds the optimizer tables and their indexes', async () => {
    const path = scratch();
    writeV2Store(path);
    expect(storedVersion(path)).toBe(2);
    const corpus = await openCorpus(`sqlite:${path}`);
    expect(await corpus.manifest('run-1')).toEqual(buildManifest());
    await corpus.putOptimization(buildOptimizationRecord());
    const records = [buildCandidateRecord(), buildIterationRecord(), buildGateRecord()];
    expect(await corpus.appendOptimizerRecords(records)).toEqual({ inserted: 3, duplicates: 0 });
    expect(await corpus.optimizations({ benchmark: 'dsl' })).toEqual([buildOptimizationRecord()]);
    await corpus.close();
    expect(storedVersion(path)).toBe(3);
    const db = new DatabaseSync(path, { readOnly: true });
    const indexes = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'optim%' ORDER BY name")
      .all() as Array<{ name: string }>;
    expect(indexes.map((index) => index.name)).toEqual([
      'optimizations_by_benchmark',
      'optimizer_records_by_candidate_hash',
      'optimizer_records_by_hash',
      'optimizer_records_by_holdout',
      'optimizer_records_by_optimization',
    ]);
    expect(
      db
        .prepare(
          'SELECT kind, record_id, optimization_id, hash, iteration, candidate_hash FROM optimizer_records ORDER BY kind',
        )
        .all(),
    ).toEqual([
      {
        kind: 'candidate',
        record_id: 'opt-1/c0ffee',
        optimization_id: 'opt-1',
        hash: 'c0ffee',
        iteration: 0,
        candidate_hash: null,
      },
      {
        kind: 'gate',
        record_id: 'gate/dsl/holdout-1/c0ffee',
        optimization_id: 'opt-1',
        hash: null,
        iteration: null,
        candidate_hash: 'decade',
      },
      {
        kind: 'iteration',
        record_id: 'opt-1/1',
        optimization_id: 'opt-1',
        hash: null,
        iteration: 1,
        candidate_hash: null,
      },
    ]);
    db.close();
  });
});
