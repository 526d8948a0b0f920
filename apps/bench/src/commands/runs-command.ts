import type { RunManifest } from '@ratchet/corpus';
import Table from 'cli-table3';
import type { Command } from 'commander';
import { positiveInteger } from '../cli-arguments';
import { openExistingCorpus } from './open-existing-corpus';

export interface RunsCommandOptions {
  readonly store: string;
  readonly json: boolean;
  /** Only runs of this benchmark. */
  readonly benchmark?: string;
  /** The most recent N (default 20). */
  readonly last: number;
}

function contrastOf(manifest: RunManifest): string {
  if (manifest.retryOf !== undefined) return `none: a retry of the failed cells of ${manifest.retryOf.runId}`;
  const { name, candidate, baseline } = manifest.primaryContrast;
  // An optimizer's evaluation run has one arm: its "contrast" compares the arm with itself.
  if (candidate === baseline) return `— (one arm: ${candidate})`;
  return `${name} = ${candidate} − ${baseline}`;
}

/** Adds `ratchet runs` to the program. */
export function addRunsCommand(
  program: Command,
  context: { readStore(): Promise<string>; print(text: string): void },
): void {
  program
    .command('runs')
    .description('list the recorded runs: id, benchmark, status, cells recorded/planned, started, primary contrast')
    .option('--benchmark <id>', 'only runs of this benchmark')
    .option('--last <n>', 'the most recent N runs', positiveInteger, 20)
    .option('--json', 'print the list as JSON')
    .addHelpText('after', '\nExamples:\n  ratchet runs\n  ratchet runs --benchmark dsl --last 5 --json')
    .action(async (options: { benchmark?: string; last: number; json?: boolean }) => {
      context.print(
        await runsCommand({
          store: await context.readStore(),
          json: options.json ?? false,
          last: options.last,
          ...(options.benchmark === undefined ? {} : { benchmark: options.benchmark }),
        }),
      );
    });
}

/**
 * `ratchet runs`: the runs the corpus holds, newest last — id, benchmark, status, cells recorded of
 * planned, when it started, and the pre-registered primary contrast — so a run id to report on is one
 * command away. Reads only; a missing corpus is an error, never created.
 */
export async function runsCommand(options: RunsCommandOptions): Promise<string> {
  const corpus = await openExistingCorpus(options.store);
  try {
    const all = await corpus.runs(options.benchmark === undefined ? {} : { benchmark: options.benchmark });
    const shown = all.slice(-options.last);
    // Counted in the store, not by reading every cell: a corpus of a million records stays quick.
    const counts = new Map(
      (await corpus.runCellCounts(shown.map((run) => run.runId))).map((count) => [count.runId, count.cells]),
    );
    const rows = await Promise.all(
      shown.map(async (run) => ({
        runId: run.runId,
        benchmark: run.benchmark,
        status: run.status,
        cells: counts.get(run.runId) ?? 0,
        plannedCells: run.plannedCells ?? null,
        startedAt: run.startedAt,
        primaryContrast: contrastOf(run),
      })),
    );
    if (options.json) return JSON.stringify(rows, null, 2);
    if (rows.length === 0) {
      return `no runs${options.benchmark ? ` of ${options.benchmark}` : ''} in ${corpus.url}`;
    }
    const table = new Table({
      head: ['run', 'benchmark', 'status', 'cells', 'started', 'primary contrast'],
      style: { head: [], border: [] },
    });
    for (const row of rows) {
      table.push([
        row.runId,
        row.benchmark,
        row.status,
        row.plannedCells === null ? String(row.cells) : `${row.cells}/${row.plannedCells}`,
        row.startedAt.replace('T', ' ').slice(0, 16),
        row.primaryContrast,
      ]);
    }
    const more = all.length > shown.length ? `\n(${all.length - shown.length} older runs not shown; --last N)` : '';
    return `${table.toString()}${more}`;
  } finally {
    await corpus.close();
  }
}
