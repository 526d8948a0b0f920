import { shellQuote, UsageError } from '@ratchet/config';
import { openCorpus } from '@ratchet/corpus';
import { CellQueue } from '@ratchet/queue';
import { finishRun } from '@ratchet/runtime';
import { cliInvocation } from '../cli-invocation';
import { progressPrinter } from '../progress-printer';
import { benchmarkSetup } from '../run/benchmark-setup';
import { type ExecutedRun, type ExecuteRunOptions, runOutcome } from '../run/execute-run';
import { retrySelection } from '../run/retry-selection';
import { followRun } from './follow-run';
import { startQueuedRun } from './start-queued-run';

export interface QueuedRunOptions extends Omit<ExecuteRunOptions, 'probe' | 'dryRun' | 'announce' | 'freshHint'> {
  queueUrl: string;
  /** Seconds without a heartbeat before a cell's worker is taken for dead and the cell given to another. */
  heartbeatSeconds: number;
  /** How often the corpus is read for progress (default 1000 ms). */
  followIntervalMs?: number;
}

const isPostgres = (url: string) => /^postgres(ql)?:\/\//.test(url);

/**
 * `ratchet run --queue`: plans the run and writes its manifest as a local run would, enqueues one job
 * per cell still to record (the same cells a local run would run now: a resumed run queues only what
 * is missing), then follows the corpus and reports when every cell is recorded. The cells are run by
 * `ratchet worker` processes on any machine that reaches the queue and the store.
 *
 * @throws {UsageError} when the store is not one workers on other machines can reach (PostgreSQL).
 * @throws {RunInterruptedError} on Ctrl+C: the waiting cells are cancelled; the running ones are still recorded.
 */
export async function executeQueuedRun(options: QueuedRunOptions): Promise<ExecutedRun> {
  const { config, store } = options;
  if (!isPostgres(store)) {
    throw new UsageError(
      `--queue needs a store every worker can reach, and ${store} is a file on this machine: give --store postgres://… (or leave --store out to use the queue's database)`,
    );
  }
  const configDir = options.configDir ?? process.cwd();
  const setup = await benchmarkSetup(config, { source: options.source, configDir });
  try {
    const retry = options.retry === undefined ? null : await retrySelection(store, setup.plan.runId, options.retry);
    if (retry !== null && retry.cells.length === 0) return { runId: setup.plan.runId, text: retry.text };
    const runId = retry?.intoRunId ?? setup.plan.runId;
    const corpus = await openCorpus(store);
    const queue = await CellQueue.open(options.queueUrl, {
      // This process watches for workers that stopped: often enough to hand their cells on within a heartbeat.
      superviseIntervalSeconds: Math.max(1, Math.min(10, Math.floor(options.heartbeatSeconds / 5))),
    });
    try {
      const { plan, manifest, pending, skipped, spec, jobs } = await startQueuedRun(setup, corpus, {
        config,
        source: options.source,
        configDir,
        store,
        runId,
        retry: retry?.mode ?? null,
        resumeCommand: options.resumeCommand(setup.plan.runId),
        signal: options.signal,
      });
      const queued = await queue.enqueue(jobs, { heartbeatSeconds: options.heartbeatSeconds });
      const startWorker = `${cliInvocation()} worker --queue ${shellQuote(options.queueUrl)}`;
      if (retry !== null) process.stderr.write(`${retry.text}\n`);
      process.stderr.write(
        `Run ${runId}: ${pending.length} cell(s) queued on ${queue.displayUrl} (${queued.alreadyQueued} of them were queued already; ${skipped} recorded before) → ${corpus.url}\nWorkers take them: ${startWorker}\n`,
      );
      const followed = await followRun({
        corpus,
        queue,
        runId,
        pending,
        skipped,
        spendCap: spec.spendCap,
        signal: options.signal,
        onProgress: progressPrinter(),
        noWorkerHint: `No worker is running a cell of this run yet. Start one on any machine that reaches the queue: ${startWorker}`,
        ...(options.followIntervalMs === undefined ? {} : { intervalMs: options.followIntervalMs }),
      });
      const summary = await finishRun(corpus, manifest, {
        stopReason: followed.stopReason,
        failure: followed.failure,
        stopDetail: followed.stopDetail,
        now: () => new Date(),
        seed: plan.seed,
      });
      return await runOutcome(corpus, summary, {
        ...options,
        runId,
        resumeOf: setup.plan.runId,
        interruptedNote:
          followed.stillRunning > 0
            ? ` Its waiting cells are cancelled; ${followed.stillRunning} cell(s) running on workers will be recorded when they finish.`
            : ' Its waiting cells are cancelled.',
      });
    } finally {
      await queue.close();
      await corpus.close();
    }
  } finally {
    await setup.close();
  }
}
