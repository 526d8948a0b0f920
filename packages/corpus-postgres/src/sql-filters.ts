import {
  type CellFilter,
  CorpusError,
  type PairMetric,
  type RecordFilter,
  type RunFilter,
  recordFilterConditions,
  runFilterConditions,
} from '@ratchet/corpus';

/** Numbered parameters (`$1`, `$2`, …) collected while a statement is built; values are never interpolated. */
export class SqlParams {
  readonly values: unknown[] = [];

  constructor(initial: readonly unknown[] = []) {
    this.values.push(...initial);
  }

  /** Adds a value and returns its placeholder. */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

type Condition = [column: string, operator: string, value: unknown];

/** The conditions whose value is given, joined with AND (no WHERE keyword), or `TRUE`. */
export function conditions(params: SqlParams, list: Condition[]): string {
  const used = list.filter(([, , value]) => value !== undefined);
  if (used.length === 0) return 'TRUE';
  return used.map(([column, operator, value]) => `${column} ${operator} ${params.add(value)}`).join(' AND ');
}

export function recordConditions(params: SqlParams, filter: RecordFilter): string {
  return conditions(params, recordFilterConditions(filter));
}

export function runConditions(params: SqlParams, filter: RunFilter): string {
  return conditions(params, runFilterConditions(filter));
}

/** Cells matching a filter; `armId` (one side of a pair) narrows further than `filter.arms`. */
export function cellConditions(params: SqlParams, filter: Partial<CellFilter>, armId?: string): string {
  const parts = [
    conditions(params, [
      ['run_id', '=', filter.runId],
      ['arm_id', '=', armId],
      ['benchmark', '=', filter.benchmark],
      ['split', '=', filter.split],
      ['task_id', '=', filter.taskId],
    ]),
  ];
  if (filter.arms !== undefined) parts.push(`arm_id = ANY(${params.add([...filter.arms])}::text[])`);
  if (filter.taskIds !== undefined) parts.push(`task_id = ANY(${params.add([...filter.taskIds])}::text[])`);
  return parts.join(' AND ');
}

/** ` LIMIT $n OFFSET $m` for a page (a null limit is none), or nothing. */
export function pageClause(params: SqlParams, page: { limit?: number | undefined; offset?: number | undefined }) {
  if (page.limit === undefined && page.offset === undefined) return '';
  return ` LIMIT ${params.add(page.limit ?? null)} OFFSET ${params.add(page.offset ?? 0)}`;
}

/**
 * The SQL expression that reads a pair metric from a cell row, as a float: the `resolved` column, or a
 * number read from the `metrics` column (a cell's scores and spend, jsonb) by a path parameter. Names with quotes or backslashes are refused, as the
 * SQLite store refuses them, so the two stores accept the same queries.
 */
export function metricExpression(params: SqlParams, metric: PairMetric): string {
  if (metric === 'resolved') return 'resolved::float8';
  const name = 'objective' in metric ? metric.objective : metric.spend;
  if (typeof name !== 'string' || name.length === 0 || /["\\]/.test(name)) {
    throw new CorpusError(
      `pairs: metric name ${JSON.stringify(name)} is not usable; names may not contain quotes or backslashes`,
    );
  }
  const path = 'objective' in metric ? ['verdict', 'scores', name, 'value'] : ['spend', name];
  return `(metrics #>> ${params.add(path)}::text[])::float8`;
}
