import { createHash } from 'node:crypto';
import {
  type AppendResult,
  alignPairs,
  assertManifestUpdate,
  type BlobRef,
  type CandidateFilter,
  type CandidateRecord,
  type CellFilter,
  type CellRecord,
  type Corpus,
  type CorpusStats,
  type DeletedRun,
  type FlywheelFilter,
  type FlywheelRecord,
  type GateFilter,
  type GateRecord,
  type IterationRecord,
  type LibraryFilter,
  type LibraryRecord,
  type OptimizationRecord,
  type OptimizerRecord,
  type PairedOutcomes,
  type PairsQuery,
  parseCellRecord,
  parseRunManifest,
  parseRunRecord,
  parseVerdict,
  type RecordFilter,
  type RunCellCounts,
  type RunFilter,
  type RunManifest,
  type RunRecord,
  type TaskIdPage,
  type Verdict,
} from '@ratchet/corpus';
import { appendRecords } from './append-records';
import { attachVerdicts } from './attach-verdicts';
import { deleteRun } from './delete-run';
import { keysetBodies } from './keyset-pages';
import { OptimizerTables } from './optimizer-tables';
import { readStats } from './read-stats';
import { readRunCellCounts, readRunTaskIds } from './run-page-queries';
import type { SqlDatabase } from './sql-client';
import {
  cellConditions,
  metricExpression,
  pageClause,
  recordConditions,
  runConditions,
  SqlParams,
} from './sql-filters';

/**
 * The shared store: a PostgreSQL database (one schema of it) behind the same `Corpus` interface as the
 * embedded SQLite store, with the same rules and the same answers (`corpusContract`). Every write is one
 * transaction; concurrent writers on many machines are safe because appends are idempotent by id and
 * take row locks in id order.
 */
export class PostgresCorpus implements Corpus {
  readonly url: string;
  readonly #db: SqlDatabase;
  readonly #optimizer: OptimizerTables;
  #closed = false;

  /** @param url where the corpus is, password hidden: what messages and `stats().location` show. */
  constructor(db: SqlDatabase, url: string) {
    this.#db = db;
    this.url = url;
    this.#optimizer = new OptimizerTables(db);
  }

  async putManifest(manifest: RunManifest): Promise<void> {
    const parsed = parseRunManifest(manifest, { source: `manifest ${manifest?.runId ?? ''}`.trim() });
    const body = JSON.stringify(parsed);
    await this.#db.transaction(
      async (tx) => {
        const created = await tx.query(
          `INSERT INTO manifests (run_id, benchmark, status, started_at, body) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (run_id) DO NOTHING`,
          [parsed.runId, parsed.benchmark, parsed.status, parsed.startedAt, body],
        );
        if (created.rowCount > 0) return;
        const existing = await tx.query<{ body: string }>('SELECT body FROM manifests WHERE run_id = $1 FOR UPDATE', [
          parsed.runId,
        ]);
        assertManifestUpdate(JSON.parse(existing.rows[0]?.body as string) as RunManifest, parsed);
        await tx.query('UPDATE manifests SET status = $1, body = $2 WHERE run_id = $3', [
          parsed.status,
          body,
          parsed.runId,
        ]);
      },
      { idempotent: true },
    );
  }

  async manifest(runId: string): Promise<RunManifest | null> {
    const { rows } = await this.#db.query<{ body: string }>('SELECT body FROM manifests WHERE run_id = $1', [runId]);
    return rows[0] ? (JSON.parse(rows[0].body) as RunManifest) : null;
  }

  async runs(filter: RunFilter = {}): Promise<RunManifest[]> {
    const params = new SqlParams();
    const where = runConditions(params, filter);
    const order = filter.newestFirst ? 'started_at DESC, run_id DESC' : 'started_at, run_id';
    const page = pageClause(params, filter);
    const { rows } = await this.#db.query<{ body: string }>(
      `SELECT body FROM manifests WHERE ${where} ORDER BY ${order}${page}`,
      params.values,
    );
    return rows.map((row) => JSON.parse(row.body) as RunManifest);
  }

  async append(records: ReadonlyArray<RunRecord | CellRecord>): Promise<AppendResult> {
    // Validate the whole batch before writing any of it.
    const parsed = records.map((record, index) =>
      record?.kind === 'cell'
        ? parseCellRecord(record, { source: `records[${index}]` })
        : parseRunRecord(record, { source: `records[${index}]` }),
    );
    if (parsed.length === 0) return { inserted: 0, duplicates: 0 };
    return this.#db.transaction((tx) => appendRecords(tx, parsed), { idempotent: true });
  }

  async attachVerdicts(verdicts: ReadonlyArray<{ recordId: string; verdict: Verdict }>): Promise<AppendResult> {
    const parsed = verdicts.map((entry, index) => ({
      recordId: entry.recordId,
      verdict: parseVerdict(entry.verdict, { source: `verdicts[${index}]` }),
    }));
    return attachVerdicts(this.#db, parsed);
  }

  async records(filter: RecordFilter = {}): Promise<RunRecord[]> {
    const found: RunRecord[] = [];
    for await (const record of this.iterateRecords(filter)) found.push(record);
    return found;
  }

  async recordIds(filter: RecordFilter = {}): Promise<string[]> {
    const params = new SqlParams();
    const where = recordConditions(params, filter);
    const page = pageClause(params, filter);
    const { rows } = await this.#db.query<{ record_id: string }>(
      `SELECT record_id FROM attempts WHERE ${where} ORDER BY created_at, record_id${page}`,
      params.values,
    );
    return rows.map((row) => row.record_id);
  }

  async *iterateRecords(filter: RecordFilter = {}): AsyncIterable<RunRecord> {
    const bodies = keysetBodies(this.#db, {
      from: 'SELECT body, created_at, record_id FROM attempts',
      keys: ['created_at', 'record_id'],
      where: (params) => recordConditions(params, filter),
      limit: filter.limit,
      offset: filter.offset,
    });
    for await (const body of bodies) yield JSON.parse(body) as RunRecord;
  }

  async cells(filter: CellFilter): Promise<CellRecord[]> {
    const found: CellRecord[] = [];
    for await (const cell of this.iterateCells(filter)) found.push(cell);
    return found;
  }

  async *iterateCells(filter: Partial<CellFilter> = {}): AsyncIterable<CellRecord> {
    const bodies = keysetBodies(this.#db, {
      from: 'SELECT body, run_id, arm_id, task_id, cell_id FROM cells',
      keys: ['run_id', 'arm_id', 'task_id', 'cell_id'],
      where: (params) => cellConditions(params, filter),
      limit: filter.limit,
      offset: filter.offset,
    });
    for await (const body of bodies) yield JSON.parse(body) as CellRecord;
  }

  async cell(cellId: string): Promise<CellRecord | null> {
    const { rows } = await this.#db.query<{ body: string }>('SELECT body FROM cells WHERE cell_id = $1', [cellId]);
    return rows[0] ? (JSON.parse(rows[0].body) as CellRecord) : null;
  }

  async runCellCounts(runIds: readonly string[]): Promise<RunCellCounts[]> {
    return readRunCellCounts(this.#db, runIds);
  }

  async runTaskIds(runId: string, page: { limit?: number; offset?: number } = {}): Promise<TaskIdPage> {
    return readRunTaskIds(this.#db, runId, page);
  }

  async pairs(query: PairsQuery): Promise<PairedOutcomes> {
    // Summarise per task in SQL so only one row per task crosses into JavaScript.
    const side = async (arm: PairsQuery['baseline']) => {
      const params = new SqlParams();
      const metric = metricExpression(params, query.metric);
      const where = cellConditions(params, { ...query, runId: arm.runId }, arm.armId);
      const { rows } = await this.#db.query<{
        taskId: string;
        cells: number;
        infra: number;
        measured: number;
        sum: number;
      }>(
        `SELECT task_id AS "taskId", COUNT(*) AS cells, COUNT(*) FILTER (WHERE status = 'infra') AS infra,
           COUNT(value) FILTER (WHERE status = 'ok') AS measured,
           COALESCE(SUM(value) FILTER (WHERE status = 'ok'), 0) AS sum
         FROM (SELECT task_id, status, ${metric} AS value FROM cells WHERE ${where}) s
         GROUP BY task_id`,
        params.values,
      );
      return rows;
    };
    const [baseline, candidate] = await Promise.all([side(query.baseline), side(query.candidate)]);
    return alignPairs(baseline, candidate);
  }

  async putBlob(data: Uint8Array | string, mediaType = 'application/octet-stream'): Promise<BlobRef> {
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await this.#db.query(
      'INSERT INTO blobs (sha256, media_type, bytes, data) VALUES ($1, $2, $3, $4) ON CONFLICT (sha256) DO NOTHING',
      [sha256, mediaType, bytes.byteLength, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)],
    );
    return { sha256, bytes: bytes.byteLength, mediaType };
  }

  async blob(sha256: string): Promise<{ ref: BlobRef; data: Uint8Array } | null> {
    const { rows } = await this.#db.query<{ media_type: string; bytes: number; data: Buffer }>(
      'SELECT media_type, bytes, data FROM blobs WHERE sha256 = $1',
      [sha256],
    );
    const row = rows[0];
    // A plain Uint8Array, as the SQLite store returns, not node-postgres's Buffer.
    return row
      ? { ref: { sha256, bytes: row.bytes, mediaType: row.media_type }, data: new Uint8Array(row.data) }
      : null;
  }

  async stats(): Promise<CorpusStats> {
    return readStats(this.#db, this.url);
  }

  async deleteRun(runId: string): Promise<DeletedRun> {
    return this.#db.transaction((tx) => deleteRun(tx, runId), { idempotent: false });
  }

  async putOptimization(record: OptimizationRecord): Promise<void> {
    return this.#optimizer.putOptimization(record);
  }

  async optimization(optimizationId: string): Promise<OptimizationRecord | null> {
    return this.#optimizer.optimization(optimizationId);
  }

  async optimizations(filter: { benchmark?: string } = {}): Promise<OptimizationRecord[]> {
    return this.#optimizer.optimizations(filter);
  }

  async appendOptimizerRecords(records: ReadonlyArray<OptimizerRecord>): Promise<AppendResult> {
    return this.#optimizer.append(records);
  }

  async candidates(filter: CandidateFilter = {}): Promise<CandidateRecord[]> {
    return this.#optimizer.candidates(filter);
  }

  async iterations(optimizationId: string): Promise<IterationRecord[]> {
    return this.#optimizer.iterations(optimizationId);
  }

  async gateRecords(filter: GateFilter = {}): Promise<GateRecord[]> {
    return this.#optimizer.gateRecords(filter);
  }

  async libraries(filter: LibraryFilter = {}): Promise<LibraryRecord[]> {
    return this.#optimizer.libraries(filter);
  }

  async flywheelRecords(filter: FlywheelFilter = {}): Promise<FlywheelRecord[]> {
    return this.#optimizer.flywheelRecords(filter);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#db.close();
  }
}
