import {
  type AppendResult,
  assertOptimizationUpdate,
  assertSameRecord,
  type CandidateFilter,
  type CandidateRecord,
  canonicalJson,
  type FlywheelFilter,
  type FlywheelRecord,
  type GateFilter,
  type GateRecord,
  type IterationRecord,
  type JsonValue,
  type LibraryFilter,
  type LibraryRecord,
  type OptimizationRecord,
  type OptimizerRecord,
  optimizerFilterColumns,
  parseOptimizationRecord,
  parseOptimizerRecord,
} from '@ratchet/corpus';
import type { SqlDatabase } from './sql-client';
import { conditions, SqlParams } from './sql-filters';

const insertRecordSql = `INSERT INTO optimizer_records (kind, record_id, optimization_id, hash, iteration, benchmark,
  holdout_key, incumbent_hash, candidate_hash, created_at, body) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
  ON CONFLICT (kind, record_id) DO NOTHING`;

/**
 * The optimizer's tables: optimization records, frozen but for their lifecycle, and candidate,
 * iteration, gate, library and flywheel records appended idempotently by (kind, record id). Bodies are
 * canonical JSON, as in the SQLite store, so a retried write is the same text.
 */
export class OptimizerTables {
  readonly #db: SqlDatabase;

  constructor(db: SqlDatabase) {
    this.#db = db;
  }

  async putOptimization(record: OptimizationRecord): Promise<void> {
    const source = `optimization ${record?.optimizationId ?? ''}`.trim();
    const parsed = parseOptimizationRecord(record, { source });
    const body = canonicalJson(parsed as JsonValue);
    await this.#db.transaction(
      async (tx) => {
        const created = await tx.query(
          `INSERT INTO optimizations (optimization_id, benchmark, status, started_at, body) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (optimization_id) DO NOTHING`,
          [parsed.optimizationId, parsed.benchmark, parsed.status, parsed.startedAt, body],
        );
        if (created.rowCount > 0) return;
        const existing = await tx.query<{ body: string }>(
          'SELECT body FROM optimizations WHERE optimization_id = $1 FOR UPDATE',
          [parsed.optimizationId],
        );
        const stored = existing.rows[0]?.body as string;
        if (stored === body) return;
        assertOptimizationUpdate(JSON.parse(stored) as OptimizationRecord, parsed);
        await tx.query('UPDATE optimizations SET status = $1, body = $2 WHERE optimization_id = $3', [
          parsed.status,
          body,
          parsed.optimizationId,
        ]);
      },
      { idempotent: true },
    );
  }

  async optimization(optimizationId: string): Promise<OptimizationRecord | null> {
    const [found] = await this.#bodies<OptimizationRecord>(
      'SELECT body FROM optimizations WHERE optimization_id = $1',
      [optimizationId],
    );
    return found ?? null;
  }

  async optimizations(filter: { benchmark?: string } = {}): Promise<OptimizationRecord[]> {
    const params = new SqlParams();
    const where = conditions(params, [['benchmark', '=', filter.benchmark]]);
    return this.#bodies(
      `SELECT body FROM optimizations WHERE ${where} ORDER BY started_at, optimization_id`,
      params.values,
    );
  }

  async append(records: ReadonlyArray<OptimizerRecord>): Promise<AppendResult> {
    // Validate the whole batch before writing any of it.
    const parsed = records.map((record, index) => parseOptimizerRecord(record, { source: `records[${index}]` }));
    return this.#db.transaction(
      async (tx) => {
        let inserted = 0;
        for (const record of parsed) {
          const body = canonicalJson(record as JsonValue);
          const row = [record.kind, record.recordId, ...optimizerFilterColumns(record), record.createdAt, body];
          if ((await tx.query(insertRecordSql, row)).rowCount > 0) {
            inserted++;
            continue;
          }
          const existing = await tx.query<{ body: string }>(
            'SELECT body FROM optimizer_records WHERE kind = $1 AND record_id = $2',
            [record.kind, record.recordId],
          );
          const stored = existing.rows[0]?.body as string;
          if (stored !== body) assertSameRecord(record.kind, record.recordId, JSON.parse(stored), record as JsonValue);
        }
        return { inserted, duplicates: parsed.length - inserted };
      },
      { idempotent: true },
    );
  }

  async candidates(filter: CandidateFilter = {}): Promise<CandidateRecord[]> {
    return this.#select('candidate', [
      ['optimization_id', '=', filter.optimizationId],
      ['hash', '=', filter.hash],
    ]);
  }

  async iterations(optimizationId: string): Promise<IterationRecord[]> {
    return this.#bodies(
      `SELECT body FROM optimizer_records WHERE kind = 'iteration' AND optimization_id = $1 ORDER BY iteration, record_id`,
      [optimizationId],
    );
  }

  async gateRecords(filter: GateFilter = {}): Promise<GateRecord[]> {
    return this.#select('gate', [
      ['benchmark', '=', filter.benchmark],
      ['holdout_key', '=', filter.holdoutKey],
      ['incumbent_hash', '=', filter.incumbentHash],
      ['candidate_hash', '=', filter.candidateHash],
    ]);
  }

  async libraries(filter: LibraryFilter = {}): Promise<LibraryRecord[]> {
    return this.#select('library', [
      ['hash', '=', filter.hash],
      ["body::json ->> 'learner'", '=', filter.learner],
      ["body::json ->> 'controllerId'", '=', filter.controllerId],
    ]);
  }

  /** By flywheel id, then generation, the verdict (generation null) last. */
  async flywheelRecords(filter: FlywheelFilter = {}): Promise<FlywheelRecord[]> {
    const params = new SqlParams(['flywheel']);
    const where = conditions(params, [
      ['optimization_id', '=', filter.flywheelId],
      ['benchmark', '=', filter.benchmark],
    ]);
    return this.#bodies(
      `SELECT body FROM optimizer_records WHERE kind = $1 AND ${where}
       ORDER BY optimization_id, iteration NULLS LAST, record_id`,
      params.values,
    );
  }

  /** Records of one kind matching equality filters, in `createdAt` order, ties by record id. */
  #select<T>(kind: string, filters: Array<[string, string, unknown]>): Promise<T[]> {
    const params = new SqlParams([kind]);
    const where = conditions(params, filters);
    return this.#bodies(
      `SELECT body FROM optimizer_records WHERE kind = $1 AND ${where} ORDER BY created_at, record_id`,
      params.values,
    );
  }

  async #bodies<T>(sql: string, params: readonly unknown[]): Promise<T[]> {
    const result = await this.#db.query<{ body: string }>(sql, params);
    return result.rows.map((row) => JSON.parse(row.body) as T);
  }
}
