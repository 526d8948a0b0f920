import type { CellFilter, PairMetric, RecordFilter, RunFilter } from '../corpus';
import { CorpusError } from '../corpus-error';
import { recordFilterConditions, runFilterConditions } from '../store-columns';

export type SqlParam = string | number | null;

/** A WHERE clause and its parameters, built from equality and range filters; never interpolates values. */
export function whereClause(conditions: Array<[column: string, operator: string, value: SqlParam | undefined]>): {
  sql: string;
  params: SqlParam[];
} {
  const used = conditions.filter(([, , value]) => value !== undefined);
  return {
    sql: used.length === 0 ? '' : `WHERE ${used.map(([column, operator]) => `${column} ${operator} ?`).join(' AND ')}`,
    params: used.map(([, , value]) => value as SqlParam),
  };
}

export function recordWhere(filter: RecordFilter) {
  return whereClause(recordFilterConditions(filter));
}

export function runWhere(filter: RunFilter) {
  return whereClause(runFilterConditions(filter));
}

/** `LIMIT ? OFFSET ?` for a page (SQLite needs a limit before an offset: -1 is none), or nothing. */
export function pageClause(page: { limit?: number | undefined; offset?: number | undefined }): {
  sql: string;
  params: SqlParam[];
} {
  if (page.limit === undefined && page.offset === undefined) return { sql: '', params: [] };
  return { sql: ' LIMIT ? OFFSET ?', params: [page.limit ?? -1, page.offset ?? 0] };
}

/** `column IN (?, …)` appended to a WHERE clause; an empty list matches nothing. */
export function andIn(where: { sql: string; params: SqlParam[] }, column: string, values: readonly string[]) {
  const condition = values.length === 0 ? '0' : `${column} IN (${values.map(() => '?').join(', ')})`;
  return {
    sql: where.sql === '' ? `WHERE ${condition}` : `${where.sql} AND ${condition}`,
    params: [...where.params, ...values],
  };
}

/** Cells matching a filter; `armId` (one side of a pair) narrows further than `filter.arms`. */
export function cellWhere(filter: Partial<CellFilter>, armId?: string) {
  const where = whereClause([
    ['run_id', '=', filter.runId],
    ['arm_id', '=', armId],
    ['benchmark', '=', filter.benchmark],
    ['split', '=', filter.split],
    ['task_id', '=', filter.taskId],
  ]);
  const withArms = filter.arms === undefined ? where : andIn(where, 'arm_id', filter.arms);
  return filter.taskIds === undefined ? withArms : andIn(withArms, 'task_id', filter.taskIds);
}

/** The SQL expression (and its parameter) that reads a pair metric from a cell row. */
export function metricExpression(metric: PairMetric): { sql: string; params: SqlParam[] } {
  if (metric === 'resolved') return { sql: 'resolved', params: [] };
  const name = 'objective' in metric ? metric.objective : metric.spend;
  if (typeof name !== 'string' || name.length === 0 || /["\\]/.test(name)) {
    throw new CorpusError(
      `pairs: metric name ${JSON.stringify(name)} is not usable; names may not contain quotes or backslashes`,
    );
  }
  const path = 'objective' in metric ? `$.verdict.scores."${name}".value` : `$.spend."${name}"`;
  return { sql: 'json_extract(body, ?)', params: [path] };
}
