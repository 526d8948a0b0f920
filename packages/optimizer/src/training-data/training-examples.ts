import type { CellRecord, Corpus, JsonValue, RunRecord } from '@ratchet/corpus';
import { OptimizerError } from '../optimizer-error';
import type { Datasheet, TrainingAttempt, TrainingExample } from './training-example';
import { trainingDataVersion } from './training-example';

export interface TrainingDataOptions {
  readonly format: 'sft' | 'preference';
  /** Only this benchmark's runs. */
  readonly benchmark?: string;
  /** Only these runs. */
  readonly runIds?: readonly string[];
  /** Which splits to read (default train and val; holdout is never exported). */
  readonly splits?: ReadonlyArray<'train' | 'val'>;
  /** Task inputs by task id, from the environment that made the runs (the corpus records only task ids). */
  readonly inputs?: ReadonlyMap<string, JsonValue>;
  /** Preference pairs per task at most (default 4). */
  readonly maxPairsPerTask?: number;
  readonly now?: () => Date;
}

interface Labelled {
  readonly record: RunRecord;
  readonly resolved: boolean;
}

const splitGuarantee =
  "No row is of a holdout cell, and no row is of a task that appears on the holdout split in any run of these benchmarks in the corpus: holdout verdicts are the gate's alone (docs/design.md rule 1).";

function attemptOf(record: RunRecord): TrainingAttempt {
  return {
    recordId: record.recordId,
    runId: record.runId,
    attempt: record.attempt,
    steer: record.steer,
    output: record.output,
    traceSummary: record.trace.summary.length > 0 ? record.trace.summary : null,
  };
}

/**
 * The corpus as training data for the worker itself. `sft`: every attempt the judge resolved, on train or
 * val (the attempt's own verdict, or its cell's when it was the cell's final output). `preference`: pairs
 * of attempts at the same task, one resolved and one not, at most `maxPairsPerTask` per task, every attempt
 * used before any is used twice. Holdout cells are never read, and a task that is on the holdout split in
 * any run of the benchmark is left out whole (its train copy would carry the holdout's answer). Returns
 * the rows, in task order, and the datasheet that says what they are.
 *
 * @throws {OptimizerError} when `maxPairsPerTask` is not a positive whole number.
 */
export async function trainingExamples(
  corpus: Corpus,
  options: TrainingDataOptions,
): Promise<{ rows: TrainingExample[]; datasheet: Datasheet }> {
  const maxPairs = options.maxPairsPerTask ?? 4;
  if (!Number.isInteger(maxPairs) || maxPairs < 1) {
    throw new OptimizerError(`maxPairsPerTask must be a whole number ≥ 1, received ${maxPairs}`);
  }
  const splits = new Set(options.splits ?? ['train', 'val']);
  const runs = (await corpus.runs(options.benchmark === undefined ? {} : { benchmark: options.benchmark })).filter(
    (run) => options.runIds === undefined || options.runIds.includes(run.runId),
  );
  const benchmarks = new Set(runs.map((run) => run.benchmark));
  // Rule 6 across runs: a task id on the holdout split anywhere in these benchmarks is never exported.
  const holdoutTasks = new Set<string>();
  for (const benchmark of benchmarks) {
    for await (const cell of corpus.iterateCells({ benchmark })) {
      if (cell.split === 'holdout') holdoutTasks.add(`${benchmark}/${cell.taskId}`);
    }
  }
  const counts = { attemptsRead: 0, resolved: 0, unresolved: 0, holdout: 0, holdoutTask: 0, unjudged: 0 };
  const byTask = new Map<string, { benchmark: string; taskId: string; split: 'train' | 'val'; attempts: Labelled[] }>();
  for (const run of [...runs].sort((a, b) => a.runId.localeCompare(b.runId))) {
    const finals = new Map<string, CellRecord>();
    for (const cell of await corpus.cells({ runId: run.runId })) {
      if (cell.finalAttemptId !== null) finals.set(cell.finalAttemptId, cell);
    }
    for await (const record of corpus.iterateRecords({ runId: run.runId })) {
      counts.attemptsRead++;
      if (record.split === 'holdout') {
        counts.holdout++;
        continue;
      }
      if (holdoutTasks.has(`${record.benchmark}/${record.taskId}`)) {
        counts.holdoutTask++;
        continue;
      }
      if (!splits.has(record.split)) continue;
      const verdict = record.verdict ?? finals.get(record.recordId)?.verdict ?? null;
      if (verdict === null) {
        counts.unjudged++;
        continue;
      }
      counts[verdict.resolved ? 'resolved' : 'unresolved']++;
      const key = `${record.benchmark}/${record.taskId}`;
      const task = byTask.get(key) ?? {
        benchmark: record.benchmark,
        taskId: record.taskId,
        split: record.split,
        attempts: [],
      };
      task.attempts.push({ record, resolved: verdict.resolved });
      byTask.set(key, task);
    }
  }

  const rows: TrainingExample[] = [];
  const perRun = new Map<string, number>();
  const count = (runId: string) => perRun.set(runId, (perRun.get(runId) ?? 0) + 1);
  for (const key of [...byTask.keys()].sort()) {
    const task = byTask.get(key) as NonNullable<ReturnType<typeof byTask.get>>;
    const base = {
      schemaVersion: trainingDataVersion,
      benchmark: task.benchmark,
      taskId: task.taskId,
      split: task.split,
      input: options.inputs?.get(task.taskId) ?? null,
    } as const;
    const passed = task.attempts.filter((one) => one.resolved).map((one) => one.record);
    const failed = task.attempts.filter((one) => !one.resolved).map((one) => one.record);
    if (options.format === 'sft') {
      for (const record of passed) {
        rows.push({ kind: 'sft', ...base, attempt: attemptOf(record) });
        count(record.runId);
      }
      continue;
    }
    if (passed.length === 0 || failed.length === 0) continue;
    const pairs = Math.min(maxPairs, Math.max(passed.length, failed.length));
    for (let k = 0; k < pairs; k++) {
      const chosen = passed[k % passed.length] as RunRecord;
      rows.push({
        kind: 'preference',
        ...base,
        chosen: attemptOf(chosen),
        rejected: attemptOf(failed[k % failed.length] as RunRecord),
      });
      count(chosen.runId);
    }
  }
  const datasheet: Datasheet = {
    kind: 'datasheet',
    schemaVersion: trainingDataVersion,
    format: options.format,
    createdAt: (options.now ?? (() => new Date()))().toISOString(),
    store: corpus.url,
    filters: {
      benchmark: options.benchmark ?? null,
      runIds: options.runIds ? [...options.runIds] : null,
      splits: [...splits].sort() as Array<'train' | 'val'>,
      maxPairsPerTask: options.format === 'preference' ? maxPairs : null,
    },
    sources: runs
      .map((run) => ({ runId: run.runId, benchmark: run.benchmark, rows: perRun.get(run.runId) ?? 0 }))
      .sort((a, b) => a.runId.localeCompare(b.runId)),
    counts: {
      rows: rows.length,
      tasks: new Set(rows.map((row) => `${row.benchmark}/${row.taskId}`)).size,
      attemptsRead: counts.attemptsRead,
      resolved: counts.resolved,
      unresolved: counts.unresolved,
      excluded: { holdout: counts.holdout, holdoutTask: counts.holdoutTask, unjudged: counts.unjudged },
    },
    inputs: options.inputs ? 'included' : 'not included',
    splitGuarantee,
  };
  return { rows, datasheet };
}
