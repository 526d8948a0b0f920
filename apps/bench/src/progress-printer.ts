import type { RunProgress } from '@ratchet/runtime';

/**
 * Progress on long runs: a live line on a terminal, and a plain line every `every` cells otherwise
 * (logs, CI), with cells done, per-arm solve rate so far, and an ETA.
 */
export function progressPrinter(stream: NodeJS.WriteStream = process.stderr, every = 20) {
  const started = Date.now();
  const solved = new Map<string, { done: number; resolved: number }>();
  return (progress: RunProgress) => {
    const arm = solved.get(progress.lastCell.armId) ?? { done: 0, resolved: 0 };
    arm.done++;
    if (progress.lastCell.verdict?.resolved) arm.resolved++;
    solved.set(progress.lastCell.armId, arm);
    const elapsed = (Date.now() - started) / 1000;
    const eta =
      progress.cellsDone === 0 ? 0 : (elapsed / progress.cellsDone) * (progress.cellsTotal - progress.cellsDone);
    const rates = [...solved].map(([id, s]) => `${id} ${Math.round((100 * s.resolved) / s.done)}%`).join('  ');
    const line = `cells ${progress.cellsDone}/${progress.cellsTotal}  ${rates}  ETA ${Math.ceil(eta)} s`;
    if (stream.isTTY) stream.write(`\r${line}\x1b[K${progress.cellsDone === progress.cellsTotal ? '\n' : ''}`);
    else if (progress.cellsDone % every === 0 || progress.cellsDone === progress.cellsTotal) stream.write(`${line}\n`);
  };
}
