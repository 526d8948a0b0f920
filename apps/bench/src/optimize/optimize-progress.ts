import type { GepaProgress, OptimizerBudget } from '@ratchet/optimizer';

/** What this invocation has done so far, for the ETA: a resumed search's earlier cells took no time here. */
export interface ProgressRate {
  readonly seconds: number;
  readonly cells: number;
  readonly iterations: number;
}

/**
 * One line per iteration, on stderr:
 * `iteration 4 · accepted · best val 0.650 (3f2a91c0) · front 2 · cells 96/200 · dollars not metered · ETA 1 min 10 s`
 */
export function optimizeProgressLine(progress: GepaProgress, rate: ProgressRate): string {
  const { budget, spend } = progress;
  const cells = budget.cells === undefined ? `cells ${spend.cells}` : `cells ${spend.cells}/${budget.cells}`;
  const usd =
    spend.usd === null
      ? 'dollars not metered'
      : `$${spend.usd.toFixed(4)}${budget.usd === undefined ? '' : ` of $${budget.usd}`}`;
  const iterations = budget.iterations === undefined ? '' : `/${budget.iterations}`;
  return [
    `iteration ${progress.iteration}${iterations}`,
    progress.outcome,
    `best val ${progress.best.valScore.toFixed(3)} (${progress.best.hash.slice(0, 8)})`,
    `front ${progress.frontSize}`,
    cells,
    usd,
    `ETA ${formatEta(etaSeconds(progress, budget, rate))}`,
  ].join(' · ');
}

/**
 * Seconds left at this invocation's pace: cells left at its cell rate under a cell cap, else iterations
 * left at its iteration rate; null when neither can say (no cap but dollars, or nothing done yet).
 */
export function etaSeconds(progress: GepaProgress, budget: OptimizerBudget, rate: ProgressRate): number | null {
  const byCells =
    budget.cells !== undefined && rate.cells > 0
      ? (rate.seconds / rate.cells) * Math.max(0, budget.cells - progress.spend.cells)
      : null;
  const byIterations =
    budget.iterations !== undefined && rate.iterations > 0
      ? (rate.seconds / rate.iterations) * Math.max(0, budget.iterations - progress.iteration)
      : null;
  if (byCells === null) return byIterations;
  return byIterations === null ? byCells : Math.min(byCells, byIterations);
}

export function formatEta(seconds: number | null): string {
  if (seconds === null) return 'unknown';
  const whole = Math.ceil(seconds);
  return whole < 60 ? `${whole} s` : `${Math.floor(whole / 60)} min ${whole % 60} s`;
}

/**
 * Prints `optimizeProgressLine` for each iteration to `stream`, timing this invocation's pace. A fresh
 * search is timed from the start (its first iteration includes the baseline's val scores); a resumed one
 * from its first iteration here, whose cells may be partly earlier ones.
 */
export function optimizeProgressPrinter(
  stream: { write(text: string): unknown } = process.stderr,
  now: () => number = () => performance.now(),
): (progress: GepaProgress) => void {
  let base: { at: number; cells: number; iteration: number } | null = null;
  const started = now();
  return (progress) => {
    base ??=
      progress.iteration === 1
        ? { at: started, cells: 0, iteration: 0 }
        : { at: now(), cells: progress.spend.cells, iteration: progress.iteration };
    const rate: ProgressRate = {
      seconds: (now() - base.at) / 1000,
      cells: progress.spend.cells - base.cells,
      iterations: progress.iteration - base.iteration,
    };
    stream.write(`${optimizeProgressLine(progress, rate)}\n`);
  };
}
