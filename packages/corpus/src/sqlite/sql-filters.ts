import type { CellFilter, PairMetric, RecordFilter } from '../corpus';
import { CorpusError } from '../corpus-error';

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
  return whereClause([
    ['run_id', '=', filter.runId],
    ['benchmark', '=', filter.benchmark],
    ['arm_id', '=', filter.armId],
    ['split', '=', filter.split],
    ['task_id', '=', filter.taskId],
    ['created_at', '>=', filter.since],
    ['created_at', '<', filter.until],
  ]);
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
  if (filter.arms === undefined) return where;
  const arms = filter.arms.length === 0 ? '0' : `arm_id IN (${filter.arms.map(() => '?').join(', ')})`;
  return {
    sql: where.sql === '' ? `WHERE ${arms}` : `${where.sql} AND ${arms}`,
    params: [...where.params, ...filter.arms],
  };
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
