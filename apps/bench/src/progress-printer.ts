import type { RunProgress } from '@ratchet/runtime';
import { createLogUpdate } from 'log-update';

export interface ProgressPrinterOptions {
  stream?: NodeJS.WriteStream;
  /** Off a terminal, a plain line at least this often (ms), and at every tenth of the run. */
  everyMs?: number;
}

/**
 * Progress on long runs: a live line on a terminal (log-update), plain lines otherwise (logs, CI),
 * with cells done, each arm's solve rate so far, spend so far and an ETA.
 */
export function progressPrinter(options: ProgressPrinterOptions = {}) {
  const stream = options.stream ?? process.stderr;
  const everyMs = options.everyMs ?? 10_000;
  // A terminal that reports no width gets plain lines: log-update wraps to the width it is given.
  const live = stream.isTTY && (stream.columns ?? 0) > 0 ? createLogUpdate(stream, { showCursor: true }) : null;
  const started = Date.now();
  let lastLine = started;
  let lastTenth = 0;
  const solved = new Map<string, { done: number; resolved: number }>();
  return (progress: RunProgress) => {
    const arm = solved.get(progress.lastCell.armId) ?? { done: 0, resolved: 0 };
    arm.done++;
    if (progress.lastCell.verdict?.resolved) arm.resolved++;
    solved.set(progress.lastCell.armId, arm);
    const now = Date.now();
    const line = progressLine(progress, solved, (now - started) / 1000);
    const finished = progress.cellsDone === progress.cellsTotal;
    if (live) {
      live(line);
      if (finished) live.done();
      return;
    }
    const tenth = Math.floor((10 * progress.cellsDone) / progress.cellsTotal);
    if (finished || tenth > lastTenth || now - lastLine >= everyMs) {
      stream.write(`${line}\n`);
      lastLine = now;
      lastTenth = tenth;
    }
  };
}

/** `cells 12/40 (8 resumed)  random@4 50%  refine@4 62%  spent $0.0123  ETA 30 s` */
export function progressLine(
  progress: RunProgress,
  solved: ReadonlyMap<string, { done: number; resolved: number }>,
  elapsedSeconds: number,
): string {
  const rates = [...solved].map(([id, s]) => `${id} ${Math.round((100 * s.resolved) / s.done)}%`).join('  ');
  const eta = (elapsedSeconds / progress.cellsDone) * (progress.cellsTotal - progress.cellsDone);
  const resumed = progress.cellsSkipped > 0 ? ` (${progress.cellsSkipped} done before)` : '';
  const spent = progress.usdSpent === null ? 'spent unknown' : `spent $${progress.usdSpent.toFixed(4)}`;
  return `cells ${progress.cellsDone}/${progress.cellsTotal}${resumed}  ${rates}  ${spent}  ETA ${Math.ceil(eta)} s`;
}
