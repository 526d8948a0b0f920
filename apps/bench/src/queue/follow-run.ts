import { setTimeout as sleep } from 'node:timers/promises';
import type { Corpus } from '@ratchet/corpus';
import type { CellQueue } from '@ratchet/queue';
import { type CellToRun, type RunProgress, type StopReason, UnenforceableCapError } from '@ratchet/runtime';
import { spendUsdOf } from './run-spend';

export interface FollowRunInput {
  corpus: Corpus;
  queue: Pick<CellQueue, 'states' | 'cancelWaiting'>;
  runId: string;
  /** The cells queued by this invocation; the run is done when each is recorded (a redo: by a later try). */
  pending: ReadonlyArray<CellToRun<{ id: string }>>;
  /** Cells recorded before this invocation. */
  skipped: number;
  spendCap: { usd: number; baselineUsd: number } | null;
  signal: AbortSignal;
  onProgress: (progress: RunProgress) => void;
  /** Said once when no worker has taken a cell for a while: how to start one. */
  noWorkerHint: string;
  intervalMs?: number;
}

export interface FollowedRun {
  stopReason: StopReason;
  failure: unknown;
  /** For `infra`: why the run cannot go on (cells no longer queued). */
  stopDetail: string | null;
  /** Cells still running on workers when the run stopped: they are recorded when they finish. */
  stillRunning: number;
}

/**
 * Follows a queued run from the corpus until every queued cell is recorded, reporting each as it
 * lands. The spend cap holds across workers: once the run's cells recorded since it was queued cost
 * the cap, its waiting cells are cancelled and the running ones finish (the same overshoot as a local
 * run's cells in flight). Ctrl+C cancels the waiting cells: no worker takes them after that.
 */
export async function followRun(input: FollowRunInput): Promise<FollowedRun> {
  const { corpus, queue, runId, signal } = input;
  const interval = input.intervalMs ?? 1000;
  // A redo of an infra cell is done when a try after the recorded one lands.
  const awaited = new Map(input.pending.map((cell) => [cell.cellId, cell.supersedes?.at(-1)?.try ?? -1]));
  const seen = new Set<string>();
  let usd: number | null = 0;
  let lastChange = Date.now();
  let hinted = false;
  let lastStates = 0;
  for (;;) {
    if (signal.aborted) return stop('signal', null);
    const cells = await corpus.cells({ runId });
    for (const cell of cells) {
      const after = awaited.get(cell.cellId);
      if (after === undefined || cell.try <= after || seen.has(cell.cellId)) continue;
      seen.add(cell.cellId);
      lastChange = Date.now();
      usd = usd === null || cell.spend.usd === null ? null : usd + cell.spend.usd;
      input.onProgress({
        cellsDone: seen.size,
        cellsTotal: awaited.size,
        cellsSkipped: input.skipped,
        lastCell: cell,
        lastAttempts: [],
        usdSpent: usd,
      });
    }
    if (seen.size === awaited.size)
      return { stopReason: 'completed', failure: null, stopDetail: null, stillRunning: 0 };
    if (input.spendCap !== null) {
      const spent = spendUsdOf(cells);
      if (spent === null) {
        return stop('completed', new UnenforceableCapError({ cap: 'usd', scope: 'run', where: `run ${runId}` }));
      }
      if (spent - input.spendCap.baselineUsd >= input.spendCap.usd) return stop('spend-cap', null);
    }
    if (Date.now() - lastStates >= 5 * interval) {
      lastStates = Date.now();
      const states = await queue.states(runId);
      if (states.created + states.retry + states.active === 0 && (await missing()) > 0) {
        const detail = `${await missing()} cell(s) of run ${runId} are neither recorded nor queued (cancelled by another \`ratchet run\`, or dropped from the dead-letter queue); running the same command queues them again`;
        return { stopReason: 'infra', failure: null, stopDetail: detail, stillRunning: 0 };
      }
      if (!hinted && states.active === 0 && Date.now() - lastChange > 15 * interval) {
        hinted = true;
        process.stderr.write(`${input.noWorkerHint}\n`);
      }
    }
    await sleep(interval, undefined, { signal }).catch(() => undefined);
  }

  async function missing(): Promise<number> {
    const cells = await corpus.cells({ runId });
    const done = cells.filter((cell) => (awaited.get(cell.cellId) ?? Number.POSITIVE_INFINITY) < cell.try).length;
    return awaited.size - done;
  }

  // Stops handing out the run's cells; the ones running finish and are recorded by their workers.
  // At the spend cap, as in a local run, the cells in flight finish and are counted before the report.
  async function stop(stopReason: StopReason, failure: unknown): Promise<FollowedRun> {
    await queue.cancelWaiting(runId);
    let stillRunning = (await queue.states(runId)).active;
    while (stopReason === 'spend-cap' && stillRunning > 0 && !signal.aborted) {
      await sleep(interval, undefined, { signal }).catch(() => undefined);
      stillRunning = (await queue.states(runId)).active;
    }
    return { stopReason, failure, stopDetail: null, stillRunning };
  }
}
