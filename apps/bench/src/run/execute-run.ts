import { preflight, type RatchetConfig } from '@ratchet/config';
import { type Corpus, openCorpus, type RunManifest } from '@ratchet/corpus';
import { type RunSummary, runBenchmark, type Task } from '@ratchet/runtime';
import pc from 'picocolors';
import { loadRun, writeHtmlReport } from '../commands/load-run';
import { progressPrinter } from '../progress-printer';
import { RunInterruptedError } from '../run-interrupted-error';
import { RunPausedError } from '../run-paused-error';
import { terminalReport } from '../terminal-report';
import { benchmarkSetup } from './benchmark-setup';
import { dryRunPlan } from './dry-run-plan';
import { probeWorker } from './probe-worker';
import { recordedRunNote } from './recorded-run-note';
import { type RetryMode, retrySelection } from './retry-selection';

export interface ExecuteRunOptions {
  config: RatchetConfig;
  /** Where the config came from, for errors about it. */
  source: string;
  /** The folder paths in the config are relative to (strategy modules); default the working directory. */
  configDir?: string;
  /** Run the agent once on the first task before the run, and stop if it fails (`--probe`). */
  probe?: boolean;
  store: string;
  dryRun: boolean;
  html: string | null;
  signal: AbortSignal;
  /** The command that resumes this run, told on Ctrl+C. */
  resumeCommand: (runId: string) => string;
  /** Re-run only the run's infra cells (as new tries) or its failed cells (into a new run). */
  retry?: RetryMode;
  /** A line saying what is about to run; default: arms × tasks × replicates = cells → store. */
  announce?: (cells: number) => string;
  /** How to run it anew when the run is already recorded in full, e.g. `add --fresh to record a new run`. */
  freshHint?: string;
}

export interface ExecutedRun {
  runId: string;
  /** The report, and what else the run has to say (infra cells, the spend cap, the HTML file). */
  text: string;
  manifest?: RunManifest;
  summary?: RunSummary;
}

/**
 * What `ratchet run` and `ratchet demo` share: builds the run a config names, checks the worker can be
 * called (preflight), runs every cell with progress, records it, and reports. A dry run prints the plan.
 *
 * @throws {RunInterruptedError} on Ctrl+C, with the partial report and the resume command.
 * @throws {RunPausedError} when an infra failure that reaches every cell paused the run.
 */
export async function executeRun(options: ExecuteRunOptions): Promise<ExecutedRun> {
  const { config, store } = options;
  const setup = await benchmarkSetup(config, { source: options.source, configDir: options.configDir ?? process.cwd() });
  try {
    const { plan, tasks, built } = setup;
    const retry = options.retry === undefined ? null : await retrySelection(store, plan.runId, options.retry);
    if (retry !== null && retry.cells.length === 0) return { runId: plan.runId, text: retry.text };
    if (options.dryRun) {
      const text = await dryRunPlan(config, plan, store, built);
      return { runId: plan.runId, text: retry === null ? text : `${text}\n\n${retry.text}` };
    }
    const runId = retry?.intoRunId ?? plan.runId;

    for (const line of await preflight(config)) process.stderr.write(`preflight ok · ${line}\n`);
    const worker = built.createWorker();
    if (options.probe) process.stderr.write(`${await probeWorker(built.environment, worker, tasks[0] as Task)}\n`);
    const corpus = await openCorpus(store);
    try {
      if (retry !== null) process.stderr.write(`${retry.text}\n`);
      else {
        const note = await recordedRunNote(corpus, plan.runId, plan.cells, options.freshHint);
        if (note !== null) process.stderr.write(`${note}\n`);
        process.stderr.write(
          `${options.announce?.(plan.cells) ?? `Run ${plan.runId}: ${plan.arms.length} arms × ${tasks.length} ${config.split} tasks × ${config.replicates} replicate(s) = ${plan.cells} cells → ${store}`}\n`,
        );
      }
      const summary = await runBenchmark(
        setup.options({
          corpus,
          worker,
          runId,
          ...(retry?.mode === 'infra' ? { retryInfra: true } : {}),
          ...(retry?.mode === 'failed' ? { retryFailedOf: plan.runId } : {}),
          resumeCommand: options.resumeCommand(plan.runId),
          signal: options.signal,
          onProgress: progressPrinter(),
        }),
      );
      return await runOutcome(corpus, summary, { ...options, runId, resumeOf: plan.runId });
    } finally {
      await corpus.close();
    }
  } finally {
    await setup.close();
  }
}

/**
 * The report of a finished run, or the error that says it was interrupted or paused and how to resume;
 * shared by a local run and a run whose cells workers took from a queue.
 *
 * @throws {RunInterruptedError} when the run stopped on a signal.
 * @throws {RunPausedError} when an infra failure that reaches every cell paused it.
 */
export async function runOutcome(
  corpus: Corpus,
  summary: RunSummary,
  options: Pick<ExecuteRunOptions, 'config' | 'store' | 'html' | 'resumeCommand'> & {
    runId: string;
    /** The run id the resume command is for (the original run of a retry of failures). */
    resumeOf: string;
    /** What to add to the "Interrupted" line, e.g. that cells still running on workers will be recorded. */
    interruptedNote?: string;
  },
): Promise<ExecutedRun> {
  const { config, store } = options;
  const { manifest } = await loadRun(corpus, summary.runId);
  const report = terminalReport(manifest, summary);
  if (summary.stopReason === 'signal') {
    throw new RunInterruptedError(
      `${report}\n\nInterrupted: every finished cell is recorded in ${store}.${options.interruptedNote ?? ''} Resume with:\n  ${options.resumeCommand(options.resumeOf)}`,
    );
  }
  if (summary.stopReason === 'infra') {
    throw new RunPausedError(
      `${report}\n\nPaused: ${summary.stopDetail ?? 'an infra failure would hit every cell'}. Every finished cell is recorded in ${store}; fix it, then resume with:\n  ${options.resumeCommand(options.resumeOf)}`,
    );
  }
  const written = options.html === null ? [] : [await writeHtmlReport(corpus, { manifest, summary }, options.html)];
  const capped =
    summary.stopReason === 'spend-cap'
      ? [`Stopped at the spend cap ($${config.maxCost}); raise --max-cost and run the same command to go on.`]
      : [];
  const infra = await infraWarning(corpus, options.runId);
  return {
    runId: options.runId,
    text: [report, ...infra, ...capped, ...written].join('\n'),
    manifest,
    summary,
  };
}

/** Cells the harness failed on are excluded from the results; say so, with the first error, so it gets fixed. */
async function infraWarning(corpus: Corpus, runId: string): Promise<string[]> {
  const failed = (await corpus.cells({ runId })).filter((cell) => cell.status === 'infra');
  if (failed.length === 0) return [];
  const first = failed[0]?.infra?.error ?? 'no error recorded';
  return [
    pc.yellow(
      `${failed.length} cell(s) failed on infrastructure and are excluded (not scored as failures). First error: ${first}`,
    ),
  ];
}
