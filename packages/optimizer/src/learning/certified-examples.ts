import type { Corpus, JsonValue, RunManifest, RunRecord } from '@ratchet/corpus';
import type { CertifiedExample } from '@ratchet/runtime';

/** What the learner reads and how it weighs age. */
export interface CertifiedReadOptions {
  /** Only these benchmarks' runs (default: every benchmark in the corpus). */
  readonly benchmarks?: readonly string[];
  /** Only these runs (default: every run of the benchmarks). */
  readonly runIds?: readonly string[];
  /** The cut-off: only attempts recorded at or before it, of runs started at or before it (a generation's start). */
  readonly until?: string;
  /** Task inputs by task id (the corpus records only ids), for miners that compare tasks. */
  readonly inputs?: ReadonlyMap<string, JsonValue>;
  /** Runs after which an attempt counts half (default 4): the newest run read counts 1. */
  readonly halfLife?: number;
}

/** Where a library came from: enough to say which cells it was learned from and what was left out. */
export interface LearningSource {
  readonly benchmarks: string[];
  readonly runIds: string[];
  readonly until: string | null;
  /** Cell ids (`run/arm/task/rN`) with at least one certified attempt, sorted. */
  readonly cellIds: string[];
  readonly attempts: number;
  readonly tasks: number;
  /** What was read and not used, by reason: holdout is never read, so it is not among them. */
  readonly skipped: {
    readonly uncertified: number;
    readonly afterCutoff: number;
    /** Train/val attempts of a task that is on the holdout split in some run of the benchmark. */
    readonly holdoutTask: number;
  };
}

/** Certified: the attempt ran, produced an output, and every one of its deployable checks passed. */
function isCertified(record: RunRecord): boolean {
  return (
    record.output !== null &&
    record.failure === null &&
    record.infra === null &&
    record.checks.length > 0 &&
    record.checks.every((check) => check.passed === true)
  );
}

async function outputOf(corpus: Corpus, record: RunRecord): Promise<JsonValue | null> {
  const output = record.output;
  if (output === null) return null;
  if ('inline' in output) return output.inline;
  const blob = await corpus.blob(output.blob.sha256);
  return blob === null ? null : (JSON.parse(new TextDecoder().decode(blob.data)) as JsonValue);
}

/**
 * The certified attempts a learner may use: of train and val cells only — records are queried by split,
 * so a holdout record is never read — and, like the training-data export, none of a task that is on the
 * holdout split in any run of its benchmark (its train copy would carry what the gate measures). Each
 * carries its recency (1 for the newest run read, halving every `halfLife` runs) and its task input.
 */
export async function certifiedExamples(
  corpus: Corpus,
  options: CertifiedReadOptions = {},
): Promise<{ examples: CertifiedExample[]; source: LearningSource }> {
  const halfLife = options.halfLife ?? 4;
  const until = options.until ?? null;
  const runs = (await corpus.runs())
    .filter((run) => options.benchmarks === undefined || options.benchmarks.includes(run.benchmark))
    .filter((run) => options.runIds === undefined || options.runIds.includes(run.runId))
    .filter((run) => until === null || run.startedAt <= until)
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt) || a.runId.localeCompare(b.runId));
  const recency = new Map<string, number>(runs.map((run: RunManifest, rank) => [run.runId, 0.5 ** (rank / halfLife)]));
  const holdoutTasks = new Set<string>();
  for (const benchmark of new Set(runs.map((run) => run.benchmark))) {
    // Only the ids of holdout cells are taken, never their records or verdicts.
    for await (const cell of corpus.iterateCells({ benchmark, split: 'holdout' })) {
      holdoutTasks.add(`${benchmark}/${cell.taskId}`);
    }
  }
  const skipped = { uncertified: 0, afterCutoff: 0, holdoutTask: 0 };
  const examples: CertifiedExample[] = [];
  const cellIds = new Set<string>();
  for (const run of runs) {
    for (const split of ['train', 'val'] as const) {
      for await (const record of corpus.iterateRecords({ runId: run.runId, split })) {
        if (until !== null && record.createdAt > until) {
          skipped.afterCutoff++;
          continue;
        }
        if (holdoutTasks.has(`${record.benchmark}/${record.taskId}`)) {
          skipped.holdoutTask++;
          continue;
        }
        const output = isCertified(record) ? await outputOf(corpus, record) : null;
        if (output === null) {
          skipped.uncertified++;
          continue;
        }
        cellIds.add(`${record.runId}/${record.armId}/${record.taskId}/r${record.replicate}`);
        examples.push({
          benchmark: record.benchmark,
          runId: record.runId,
          taskId: record.taskId,
          split,
          recordId: record.recordId,
          attempt: record.attempt,
          continued: record.checkpoint !== null,
          createdAt: record.createdAt,
          input: options.inputs?.get(record.taskId) ?? null,
          steer: record.steer,
          output,
          usage: record.usage,
          recency: recency.get(record.runId) ?? 1,
        });
      }
    }
  }
  examples.sort((a, b) => a.recordId.localeCompare(b.recordId));
  return {
    examples,
    source: {
      benchmarks: [...new Set(runs.map((run) => run.benchmark))].sort(),
      runIds: runs.map((run) => run.runId).sort(),
      until,
      cellIds: [...cellIds].sort(),
      attempts: examples.length,
      tasks: new Set(examples.map((example) => `${example.benchmark}/${example.taskId}`)).size,
      skipped,
    },
  };
}
