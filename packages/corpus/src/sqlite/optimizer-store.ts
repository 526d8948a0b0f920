import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { assertOptimizationUpdate } from '../assert-optimization-update';
import { assertSameRecord } from '../assert-same-record';
import type { CandidateRecord } from '../candidate-record';
import { canonicalJson } from '../canonical-json';
import type { JsonValue } from '../common-schemas';
import type {
  AppendResult,
  CandidateFilter,
  FlywheelFilter,
  GateFilter,
  LibraryFilter,
  OptimizerRecord,
} from '../corpus';
import type { FlywheelRecord } from '../flywheel-record';
import type { GateRecord } from '../gate-record';
import type { IterationRecord } from '../iteration-record';
import type { LibraryRecord } from '../library-record';
import type { OptimizationRecord } from '../optimization-record';
import { parseOptimizationRecord, parseOptimizerRecord } from '../parse-record';
import { optimizerFilterColumns } from '../store-columns';
import { type SqlParam, whereClause } from './sql-filters';
import { writeTransaction } from './write-transaction';

const insertRecordSql = `INSERT OR IGNORE INTO optimizer_records (kind, record_id, optimization_id, hash, iteration,
  benchmark, holdout_key, incumbent_hash, candidate_hash, created_at, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * The optimizer's part of the SQLite store (tables of migration 3): optimization records, frozen
 * but for their lifecycle, and candidate, iteration, gate, library and flywheel records, appended
 * idempotently by (kind, record id). Bodies are canonical JSON, so a retried write is the same text.
 * Rows carry the filter columns of `optimizerFilterColumns`; `libraries` filters on `learner` and
 * `controllerId` by reading the body (`json_extract`): libraries are few, one per learning, and the
 * `(kind, …)` indexes already narrow the scan to them.
 */
export class OptimizerStore {
  readonly #db: DatabaseSync;
  readonly #prepare: (sql: string) => StatementSync;

  /** @param prepare the store's statement cache, shared so each statement is prepared once per connection. */
  constructor(db: DatabaseSync, prepare: (sql: string) => StatementSync) {
    this.#db = db;
    this.#prepare = prepare;
  }

  putOptimization(record: OptimizationRecord): void {
    const source = `optimization ${record?.optimizationId ?? ''}`.trim();
    const parsed = parseOptimizationRecord(record, { source });
    const body = canonicalJson(parsed as JsonValue);
    writeTransaction(this.#db, () => {
      const existing = this.#prepare('SELECT body FROM optimizations WHERE optimization_id = ?').get(
        parsed.optimizationId,
      ) as { body: string } | undefined;
      if (existing?.body === body) return;
      if (existing) {
        assertOptimizationUpdate(JSON.parse(existing.body) as OptimizationRecord, parsed);
        this.#prepare('UPDATE optimizations SET status = ?, body = ? WHERE optimization_id = ?').run(
          parsed.status,
          body,
          parsed.optimizationId,
        );
        return;
      }
      this.#prepare(
        'INSERT INTO optimizations (optimization_id, benchmark, status, started_at, body) VALUES (?, ?, ?, ?, ?)',
      ).run(parsed.optimizationId, parsed.benchmark, parsed.status, parsed.startedAt, body);
    });
  }

  optimization(optimizationId: string): OptimizationRecord | null {
    const row = this.#prepare('SELECT body FROM optimizations WHERE optimization_id = ?').get(optimizationId) as
      | { body: string }
      | undefined;
    return row ? (JSON.parse(row.body) as OptimizationRecord) : null;
  }

  optimizations(filter: { benchmark?: string } = {}): OptimizationRecord[] {
    const where = whereClause([['benchmark', '=', filter.benchmark]]);
    return this.#bodies<OptimizationRecord>(
      `SELECT body FROM optimizations ${where.sql} ORDER BY started_at, optimization_id`,
      where.params,
    );
  }

  append(records: ReadonlyArray<OptimizerRecord>): AppendResult {
    // Validate the whole batch before writing any of it.
    const parsed = records.map((record, index) => parseOptimizerRecord(record, { source: `records[${index}]` }));
    const insert = this.#prepare(insertRecordSql);
    const stored = this.#prepare('SELECT body FROM optimizer_records WHERE kind = ? AND record_id = ?');
    return writeTransaction(this.#db, () => {
      let inserted = 0;
      for (const record of parsed) {
        const body = canonicalJson(record as JsonValue);
        const row = [record.kind, record.recordId, ...optimizerFilterColumns(record), record.createdAt, body];
        if (insert.run(...row).changes > 0) {
          inserted++;
          continue;
        }
        const existing = stored.get(record.kind, record.recordId) as { body: string };
        if (existing.body !== body) {
          assertSameRecord(record.kind, record.recordId, JSON.parse(existing.body), record as JsonValue);
        }
      }
      return { inserted, duplicates: parsed.length - inserted };
    });
  }

  candidates(filter: CandidateFilter = {}): CandidateRecord[] {
    const where = whereClause([
      ['kind', '=', 'candidate'],
      ['optimization_id', '=', filter.optimizationId],
      ['hash', '=', filter.hash],
    ]);
    return this.#bodies(`SELECT body FROM optimizer_records ${where.sql} ORDER BY created_at, record_id`, where.params);
  }

  iterations(optimizationId: string): IterationRecord[] {
    return this.#bodies(
      `SELECT body FROM optimizer_records WHERE kind = 'iteration' AND optimization_id = ? ORDER BY iteration, record_id`,
      [optimizationId],
    );
  }

  gateRecords(filter: GateFilter = {}): GateRecord[] {
    const where = whereClause([
      ['kind', '=', 'gate'],
      ['benchmark', '=', filter.benchmark],
      ['holdout_key', '=', filter.holdoutKey],
      ['incumbent_hash', '=', filter.incumbentHash],
      ['candidate_hash', '=', filter.candidateHash],
    ]);
    return this.#bodies(`SELECT body FROM optimizer_records ${where.sql} ORDER BY created_at, record_id`, where.params);
  }

  libraries(filter: LibraryFilter = {}): LibraryRecord[] {
    const where = whereClause([
      ['kind', '=', 'library'],
      ['hash', '=', filter.hash],
      ["json_extract(body, '$.learner')", '=', filter.learner],
      ["json_extract(body, '$.controllerId')", '=', filter.controllerId],
    ]);
    return this.#bodies(`SELECT body FROM optimizer_records ${where.sql} ORDER BY created_at, record_id`, where.params);
  }

  /** By flywheel id, then generation, the verdict (generation null) last. */
  flywheelRecords(filter: FlywheelFilter = {}): FlywheelRecord[] {
    const where = whereClause([
      ['kind', '=', 'flywheel'],
      ['optimization_id', '=', filter.flywheelId],
      ['benchmark', '=', filter.benchmark],
    ]);
    return this.#bodies(
      `SELECT body FROM optimizer_records ${where.sql} ORDER BY optimization_id, iteration IS NULL, iteration, record_id`,
      where.params,
    );
  }

  #bodies<T>(sql: string, params: SqlParam[]): T[] {
    const rows = this.#prepare(sql).all(...params) as Array<{ body: string }>;
    return rows.map((row) => JSON.parse(row.body) as T);
  }
}
