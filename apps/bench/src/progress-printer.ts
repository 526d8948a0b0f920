import type { FailureTally, RunProgress } from '@ratchet/runtime';
import { createLogUpdate } from 'log-update';
import pc from 'picocolors';
import { dominantFailure, stderrHead } from './report/failure-warnings';

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
  const failures = new Map<string, FailureTally>();
  const warned = new Set<string>();
  return (progress: RunProgress) => {
    const armId = progress.lastCell.armId;
    const arm = solved.get(armId) ?? { done: 0, resolved: 0 };
    arm.done++;
    if (progress.lastCell.verdict?.resolved) arm.resolved++;
    solved.set(armId, arm);
    const warning = brokenAgentWarning(armId, failures, progress, warned);
    if (warning) {
      live?.clear();
      stream.write(`${warning}\n`);
    }
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

/** Attempts an arm must have made before a shared failure is called out, so one unlucky cell is not. */
const warnAfterAttempts = 5;

/**
 * Once per arm, a loud line when most of its attempts so far failed the same way (a typo in the agent
 * command fails every attempt with the same exit): said during the run, not only in the report.
 */
function brokenAgentWarning(
  armId: string,
  failures: Map<string, FailureTally>,
  progress: RunProgress,
  warned: Set<string>,
): string | null {
  const tally = failures.get(armId) ?? { attempts: 0, byReason: {}, sample: null };
  for (const attempt of progress.lastAttempts) {
    if (attempt.infra !== null) continue;
    tally.attempts++;
    const failure = attempt.failure;
    if (failure === null) continue;
    tally.byReason[failure.reason] = (tally.byReason[failure.reason] ?? 0) + 1;
    tally.sample ??= failure;
  }
  failures.set(armId, tally);
  if (warned.has(armId) || tally.attempts < warnAfterAttempts) return null;
  const dominant = dominantFailure(tally);
  if (!dominant) return null;
  warned.add(armId);
  const sample = tally.sample;
  return pc.yellow(
    [
      `Warning: ${armId}: ${dominant.count} of ${tally.attempts} attempts so far failed the same way (${dominant.reason}${sample ? `: ${sample.message}` : ''}); the agent command or its setup may be broken.`,
      ...stderrHead(sample?.stderr),
    ].join('\n'),
  );
}
