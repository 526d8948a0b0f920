import pLimit from 'p-limit';
import { ruleAnalyst } from '../analysts/rule-analyst';
import { UnenforceableCapError } from '../contracts/unenforceable-cap-error';
import { RecordWriter } from '../harness/record-writer';
import { RunInfraPause } from '../harness/retry';
import { cellsToRun } from './cells-to-run';
import { finishRun } from './finish-run';
import { manifestOf, planBenchmark } from './plan-benchmark';
import { rateLimited } from './rate-limited';
import type { RunBenchmarkOptions } from './run-benchmark-options';
import { runPlannedCell } from './run-planned-cell';
import { startManifest } from './start-manifest';
import { isStoreUnavailable } from './store-unavailable';
import type { RunSummary, StopReason } from './summarize-run';

export type { Arm, RunBenchmarkOptions, RunProgress } from './run-benchmark-options';
export type { StopReason } from './summarize-run';

/**
 * Runs every arm on every task (× replicates) and records it all in the corpus as it happens: a
 * manifest with the pre-registered primary contrast and the planned cell count first, then one attempt
 * record per attempt and one cell record per cell. Refuses tasks whose ids cross splits. Resumable by
 * run id; a signal or the spend cap stops it without losing records, and the manifest says why. An
 * infra failure that would hit every cell (`InfraError` with `scope: 'run'`) pauses it the same way
 * (`stopReason: 'infra'`, the failure in `stopDetail`), with no cell marked infra for it.
 * Returns per-arm outcomes and spend, equal-compute checks, and the BH-corrected contrasts.
 *
 * @throws {SplitOverlapError} when a task id appears in two splits.
 * @throws {UnenforceableCapError} when a cap is set on a figure that is not measured.
 * @throws {InvalidSteerError} when a controller builds a steer its worker refuses.
 */
export async function runBenchmark(options: RunBenchmarkOptions): Promise<RunSummary> {
  const plan = await planBenchmark(options);
  const now = options.now ?? (() => new Date());
  const manifest = await startManifest(options.corpus, manifestOf(plan, options, now()));
  const { pending, skipped } = await cellsToRun(options.corpus, plan.runId, plan.cells, options.retry ?? null);
  const controller = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
  const context = {
    worker: options.rateLimit ? rateLimited(options.worker, options.rateLimit) : options.worker,
    analyst: options.analyst ?? ruleAnalyst(),
    writer: new RecordWriter(options.corpus),
    signal,
    now,
  };
  const limit = pLimit(options.concurrency ?? 4);
  let stopReason: StopReason = 'completed';
  // The first error that must stop the run (a refused steer, a leak, a cap that cannot hold): no new cell starts.
  let fatal: unknown = null;
  // An infra failure that would hit every cell pauses the run: no new cell starts, and none is marked infra.
  let pausedFor: string | null = null;
  let usdSpent: number | null = 0;
  let done = 0;
  const runs = pending.map((cellToRun) =>
    limit(async () => {
      if (signal.aborted || stopReason === 'spend-cap' || fatal !== null || pausedFor !== null) return;
      let outcome: Awaited<ReturnType<typeof runPlannedCell>>;
      try {
        outcome = await runPlannedCell(plan, cellToRun, options, context);
      } catch (error) {
        if (RunInfraPause.isPause(error) || isStoreUnavailable(error)) {
          pausedFor ??= error.message;
          return;
        }
        if (!signal.aborted) fatal ??= error;
        throw error;
      }
      const { cell, attempts } = outcome;
      done++;
      usdSpent = usdSpent === null || cell.spend.usd === null ? null : usdSpent + cell.spend.usd;
      if (options.maxUsd !== undefined && !signal.aborted) {
        // A cap on dollars that were not measured cannot hold: stop rather than spend without a limit.
        if (usdSpent === null)
          fatal ??= new UnenforceableCapError({ cap: 'usd', scope: 'run', where: `cell ${cell.cellId}` });
        else if (usdSpent >= options.maxUsd) stopReason = 'spend-cap';
      }
      options.onProgress?.({
        cellsDone: done,
        cellsTotal: pending.length,
        cellsSkipped: skipped,
        lastCell: cell,
        lastAttempts: attempts,
        usdSpent,
      });
    }),
  );
  await Promise.allSettled(runs);
  await context.writer.drain();
  // Set inside the cells' callbacks, which the compiler does not follow.
  const paused = pausedFor as string | null;
  if (paused !== null) stopReason = 'infra';
  if (signal.aborted) stopReason = 'signal';
  return finishRun(options.corpus, manifest, {
    stopReason,
    failure: fatal,
    stopDetail: paused,
    now,
    tolerance: options.equalComputeTolerance ?? 0.1,
    seed: plan.seed,
  });
}
