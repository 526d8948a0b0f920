import { hostname } from 'node:os';
import { CellQueue } from '@ratchet/queue';
import { CommandExitError } from '../command-exit-error';
import { cellWorker } from './cell-worker';
import { PreparedRuns } from './prepared-runs';

export interface RunWorkerOptions {
  queueUrl: string;
  /** Cells this worker runs at once. */
  concurrency: number;
  /** The first Ctrl+C: stop taking cells and stop the ones running (their jobs go back to the queue). */
  signal: AbortSignal;
  log?: (line: string) => void;
}

/**
 * `ratchet worker`: takes cells from the queue and runs them until Ctrl+C, recording each into the
 * store its run names. Returns what it did when stopped.
 *
 * @throws {CommandExitError} when it had to stop (a build of a run that does not match the coordinator's: 2;
 *   a failure that would hit every cell: 1).
 */
export async function runWorker(options: RunWorkerOptions): Promise<string> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const stopped = new AbortController();
  const cells = AbortSignal.any([options.signal, stopped.signal]);
  let failure: { reason: string; exitCode: number } | null = null;
  const runs = new PreparedRuns(cells);
  const queue = await CellQueue.open(options.queueUrl);
  let handled = 0;
  try {
    const worker = cellWorker(runs, {
      log: (line) => {
        handled += 1;
        log(line);
      },
      stop: (reason, exitCode) => {
        failure ??= { reason, exitCode };
        stopped.abort(new DOMException(reason, 'AbortError'));
      },
    });
    await queue.work({ concurrency: options.concurrency, run: worker.run, dead: worker.dead });
    log(
      `Worker ${hostname()}/${process.pid} taking cells from ${queue.displayUrl}, ${options.concurrency} at a time. Ctrl+C stops it; a cell it was running goes back to the queue.`,
    );
    await new Promise<void>((resolve) => {
      if (cells.aborted) resolve();
      cells.addEventListener('abort', () => resolve(), { once: true });
    });
    await queue.stopWorking();
  } finally {
    await queue.close();
    await runs.close();
  }
  const ended = failure as { reason: string; exitCode: number } | null;
  if (ended !== null) {
    log(`ratchet worker: ${ended.reason}`);
    throw new CommandExitError(ended.exitCode);
  }
  return `Worker stopped after ${handled} job(s).`;
}
