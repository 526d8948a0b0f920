import { createHash } from 'node:crypto';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { alignPairs, type TaskTally } from '../align-pairs';
import { assertManifestUpdate } from '../assert-manifest-update';
import type { CandidateRecord } from '../candidate-record';
import type { CellRecord } from '../cell-record';
import type { BlobRef } from '../common-schemas';
import type {
  AppendResult,
  CandidateFilter,
  CellFilter,
  Corpus,
  CorpusStats,
  DeletedRun,
  FlywheelFilter,
  GateFilter,
  LibraryFilter,
  OptimizerRecord,
  PairedOutcomes,
  PairsQuery,
  RecordFilter,
  RunCellCounts,
  RunFilter,
  TaskIdPage,
} from '../corpus';
import type { FlywheelRecord } from '../flywheel-record';
import type { GateRecord } from '../gate-record';
import type { IterationRecord } from '../iteration-record';
import type { LibraryRecord } from '../library-record';
import type { OptimizationRecord } from '../optimization-record';
import { parseRunManifest, parseVerdict } from '../parse-record';
import type { RunManifest } from '../run-manifest';
import type { RunRecord } from '../run-record';
import type { Verdict } from '../verdict';
import { appendRecords } from './append-records';
import { attachVerdicts } from './attach-verdicts';
import { deleteRun } from './delete-run';
import { OptimizerStore } from './optimizer-store';
import { readStats } from './read-stats';
import { readRunCellCounts, readRunTaskIds } from './run-page-queries';
import { cellWhere, metricExpression, pageClause, recordWhere, runWhere } from './sql-filters';
import { writeTransaction } from './write-transaction';

/** The embedded store: one SQLite file in WAL mode (node:sqlite), safe for several processes at once. */
export class SqliteCorpus implements Corpus {
  readonly url: string;
  readonly #db: DatabaseSync;
  readonly #statements = new Map<string, StatementSync>();
  readonly #optimizer: OptimizerStore;
  #closed = false;

  constructor(db: DatabaseSync, url: string) {
    this.#db = db;
    this.url = url;
    this.#optimizer = new OptimizerStore(db, (sql) => this.#prepare(sql));
  }

  #prepare(sql: string): StatementSync {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  async putManifest(manifest: RunManifest): Promise<void> {
    const parsed = parseRunManifest(manifest, { source: `manifest ${manifest?.runId ?? ''}`.trim() });
    const body = JSON.stringify(parsed);
    writeTransaction(this.#db, () => {
      const existing = this.#prepare('SELECT body FROM manifests WHERE run_id = ?').get(parsed.runId) as
        | { body: string }
        | undefined;
      if (existing) {
        assertManifestUpdate(JSON.parse(existing.body) as RunManifest, parsed);
        this.#prepare('UPDATE manifests SET status = ?, body = ? WHERE run_id = ?').run(
          parsed.status,
          body,
          parsed.runId,
        );
        return;
      }
      this.#prepare('INSERT INTO manifests (run_id, benchmark, status, started_at, body) VALUES (?, ?, ?, ?, ?)').run(
        parsed.runId,
        parsed.benchmark,
        parsed.status,
        parsed.startedAt,
        body,
      );
    });
  }

  async manifest(runId: string): Promise<RunManifest | null> {
    const row = this.#prepare('SELECT body FROM manifests WHERE run_id = ?').get(runId) as { body: string } | undefined;
    return row ? (JSON.parse(row.body) as RunManifest) : null;
  }

  async runs(filter: RunFilter = {}): Promise<RunManifest[]> {
    const where = runWhere(filter);
    const order = filter.newestFirst ? 'started_at DESC, run_id DESC' : 'started_at, run_id';
    const page = pageClause(filter);
    const rows = this.#prepare(`SELECT body FROM manifests ${where.sql} ORDER BY ${order}${page.sql}`).all(
      ...where.params,
      ...page.params,
    ) as Array<{ body: string }>;
    return rows.map((row) => JSON.parse(row.body) as RunManifest);
  }

  async append(records: ReadonlyArray<RunRecord | CellRecord>): Promise<AppendResult> {
    return appendRecords(this.#db, (sql) => this.#prepare(sql), records);
  }

  async attachVerdicts(verdicts: ReadonlyArray<{ recordId: string; verdict: Verdict }>): Promise<AppendResult> {
    const parsed = verdicts.map((entry, index) => ({
      recordId: entry.recordId,
      verdict: parseVerdict(entry.verdict, { source: `verdicts[${index}]` }),
    }));
    return attachVerdicts(this.#db, (sql) => this.#prepare(sql), parsed);
  }

  async records(filter: RecordFilter = {}): Promise<RunRecord[]> {
    const found: RunRecord[] = [];
    for await (const record of this.iterateRecords(filter)) found.push(record);
    return found;
  }

  async recordIds(filter: RecordFilter = {}): Promise<string[]> {
    const where = recordWhere(filter);
    const page = pageClause(filter);
    const rows = this.#db
      .prepare(`SELECT record_id FROM attempts ${where.sql} ORDER BY created_at, record_id${page.sql}`)
      .all(...where.params, ...page.params) as Array<{ record_id: string }>;
    return rows.map((row) => row.record_id);
  }

  async *iterateRecords(filter: RecordFilter = {}): AsyncIterable<RunRecord> {
    const where = recordWhere(filter);
    const page = pageClause(filter);
    const statement = this.#db.prepare(
      `SELECT body FROM attempts ${where.sql} ORDER BY created_at, record_id${page.sql}`,
    );
    for (const row of statement.iterate(...where.params, ...page.params)) {
      yield JSON.parse((row as { body: string }).body) as RunRecord;
    }
  }

  async cells(filter: CellFilter): Promise<CellRecord[]> {
    const found: CellRecord[] = [];
    for await (const cell of this.iterateCells(filter)) found.push(cell);
    return found;
  }

  async *iterateCells(filter: Partial<CellFilter> = {}): AsyncIterable<CellRecord> {
    const where = cellWhere(filter);
    const page = pageClause(filter);
    const statement = this.#db.prepare(
      `SELECT body FROM cells ${where.sql} ORDER BY run_id, arm_id, task_id, cell_id${page.sql}`,
    );
    for (const row of statement.iterate(...where.params, ...page.params))
      yield JSON.parse((row as { body: string }).body) as CellRecord;
  }

  async cell(cellId: string): Promise<CellRecord | null> {
    const row = this.#prepare('SELECT body FROM cells WHERE cell_id = ?').get(cellId) as { body: string } | undefined;
    return row ? (JSON.parse(row.body) as CellRecord) : null;
  }

  async runCellCounts(runIds: readonly string[]): Promise<RunCellCounts[]> {
    return readRunCellCounts((sql) => this.#db.prepare(sql), runIds);
  }

  async runTaskIds(runId: string, page: { limit?: number; offset?: number } = {}): Promise<TaskIdPage> {
    return readRunTaskIds((sql) => this.#prepare(sql), runId, page);
  }

  async pairs(query: PairsQuery): Promise<PairedOutcomes> {
    const metric = metricExpression(query.metric);
    // Summarise per task in SQL so only one row per task crosses into JavaScript.
    const side = (arm: PairsQuery['baseline']) => {
      const where = cellWhere({ ...query, runId: arm.runId }, arm.armId);
      const sql = `SELECT task_id AS taskId, COUNT(*) AS cells, SUM(status = 'infra') AS infra,
          COUNT(CASE WHEN status = 'ok' THEN value END) AS measured,
          COALESCE(SUM(CASE WHEN status = 'ok' THEN value END), 0) AS sum
        FROM (SELECT task_id, status, ${metric.sql} AS value FROM cells ${where.sql})
        GROUP BY task_id`;
      return this.#prepare(sql).all(...metric.params, ...where.params) as unknown as TaskTally[];
    };
    return alignPairs(side(query.baseline), side(query.candidate));
  }

  async putBlob(data: Uint8Array | string, mediaType = 'application/octet-stream'): Promise<BlobRef> {
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    this.#prepare('INSERT OR IGNORE INTO blobs (sha256, media_type, bytes, data) VALUES (?, ?, ?, ?)').run(
      sha256,
      mediaType,
      bytes.byteLength,
      bytes,
    );
    return { sha256, bytes: bytes.byteLength, mediaType };
  }

  async blob(sha256: string): Promise<{ ref: BlobRef; data: Uint8Array } | null> {
    const row = this.#prepare('SELECT media_type, bytes, data FROM blobs WHERE sha256 = ?').get(sha256) as
      | { media_type: string; bytes: number; data: Uint8Array }
      | undefined;
    return row ? { ref: { sha256, bytes: row.bytes, mediaType: row.media_type }, data: row.data } : null;
  }

  async stats(): Promise<CorpusStats> {
    return readStats((sql) => this.#prepare(sql), this.url);
  }

  async deleteRun(runId: string): Promise<DeletedRun> {
    return deleteRun(this.#db, (sql) => this.#prepare(sql), runId);
  }

  async putOptimization(record: OptimizationRecord): Promise<void> {
    this.#optimizer.putOptimization(record);
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
    this.#db.close();
  }
}
