import type { OptimizerRecord, RecordFilter, RunFilter } from './corpus';

/** One filter condition a store turns into SQL: a column, an operator, and a value (undefined: not filtered). */
export type ColumnCondition = [column: string, operator: string, value: string | number | undefined];

/**
 * The conditions of a record (attempt) query, in the column names every SQL store uses. Shared so the
 * SQLite and PostgreSQL stores cannot filter the same `RecordFilter` differently.
 */
export function recordFilterConditions(filter: RecordFilter): ColumnCondition[] {
  return [
    ['run_id', '=', filter.runId],
    ['benchmark', '=', filter.benchmark],
    ['arm_id', '=', filter.armId],
    ['split', '=', filter.split],
    ['task_id', '=', filter.taskId],
    ['replicate', '=', filter.replicate],
    ['created_at', '>=', filter.since],
    ['created_at', '<', filter.until],
  ];
}

/** The conditions of a runs (manifest) query. */
export function runFilterConditions(filter: RunFilter): ColumnCondition[] {
  return [
    ['benchmark', '=', filter.benchmark],
    ['status', '=', filter.status],
    ['started_at', '>=', filter.since],
    ['started_at', '<', filter.until],
  ];
}

/**
 * The indexed columns of an optimizer record, in the order of the optimizer table's filter columns:
 * `optimization_id, hash, iteration, benchmark, holdout_key, incumbent_hash, candidate_hash`. A
 * library fills only `hash`; a flywheel record reuses `optimization_id` (its flywheel id),
 * `iteration` (its generation) and `benchmark`. Shared by every SQL store.
 */
export function optimizerFilterColumns(record: OptimizerRecord): Array<string | number | null> {
  switch (record.kind) {
    case 'candidate':
      return [record.optimizationId, record.hash, record.iteration, null, null, null, null];
    case 'iteration':
      return [record.optimizationId, null, record.iteration, null, null, null, null];
    case 'gate':
      return [
        ...[record.optimizationId, null, null, record.benchmark, record.holdoutKey],
        ...[record.incumbent.hash, record.candidate.hash],
      ];
    case 'library':
      return [null, record.hash, null, null, null, null, null];
    case 'flywheel':
      return [record.flywheelId, null, record.generation, record.benchmark, null, null, null];
  }
}
