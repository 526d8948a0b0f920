import { access } from 'node:fs/promises';
import { UsageError } from '@ratchet/config';
import type { LoopMode, Orchestrator } from '../autoloop-types';
import { formatLoopProgress, type LoopProgress } from '../loop/loop-progress';
import { MemoryStateStore } from '../loop/memory-state-store';
import { type LoopResult, runLoop } from '../loop/run-loop';
import { simulatedOrchestrator } from '../loop/simulated-orchestrator';
import { fileStateStore } from '../state/file-state-store';
import { acquireLock } from '../state/state-lock';
import { statePaths } from '../state/state-paths';
import type { AutoloopInvocation } from './autoloop-flags';

/** A target made ready for the loop: its orchestrator, a line saying what it improves, and how to let go of it. */
export interface LoadedTarget {
  readonly orchestrator: Orchestrator;
  readonly description: string;
  close(): Promise<void>;
}

export interface RunAutoloopOptions {
  readonly invocation: AutoloopInvocation;
  /** Ctrl+C: the running iteration stops, its finished cells stay in the corpus, the state says `interrupted`. */
  readonly signal: AbortSignal;
  /** Builds the real orchestrator from the target directory (not called for --dry-run). */
  readonly loadTarget: (invocation: AutoloopInvocation) => Promise<LoadedTarget>;
  /** Progress and the stop line (the CLI passes `process.stderr`). */
  readonly stderr: { write(text: string): unknown };
  /** How to run this again, for the resume hint. */
  readonly commandLine: string;
  readonly now?: () => Date;
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** Mean simulated dollars a dry-run iteration costs, so the cost cap's logic is exercised too. */
const dryRunUsdPerIteration = 2;

/**
 * `ratchet-autoloop` and `ratchet autoloop`: takes the state root's lock, loads the target, runs the loop
 * with a progress line per iteration, and ends with a line naming the rule that fired and where the
 * handoff is. A dry run drives the simulated orchestrator from a copy of the saved state, in memory: it
 * takes no lock, runs no cell, and writes nothing.
 *
 * Exit code: the loop's (0 stopped by a rule or a scheduled run done, 1 error, 130 interrupted), except that
 * a loop stopped because its iterations kept failing, or a scheduled iteration that failed, exits 1 — so a
 * cron job or a CI step sees a failing orchestrator instead of a quiet 0.
 *
 * @throws {UsageError} when the target directory does not exist.
 * @throws {AutoloopLockedError} when another loop holds the state root.
 */
export async function runAutoloop(options: RunAutoloopOptions): Promise<number> {
  const { invocation, stderr } = options;
  const { settings } = invocation;
  const paths = statePaths(invocation.stateRoot);
  try {
    await access(invocation.target);
  } catch {
    throw new UsageError(
      `--target ${invocation.target} does not exist: give the directory that holds ratchet.config.json`,
    );
  }
  let lastDecision: string | null = null;
  const onProgress = (progress: LoopProgress): void => {
    lastDecision = progress.decision;
    stderr.write(`${formatLoopProgress(progress)}\n`);
  };
  const caps = `${settings.maxIterations} iterations, ${settings.maxCostUsd === null ? 'no cost cap' : `$${settings.maxCostUsd} cap`}`;

  if (settings.dryRun) {
    const saved = await fileStateStore(invocation.stateRoot).read();
    const store = new MemoryStateStore(saved);
    stderr.write(
      `autoloop dry run on ${invocation.target}: simulated iterations (simulated dollars), ${settings.mode}, ${caps}${saved === null ? '' : `, from the saved state (${saved.iterations_completed} done)`}; nothing is written\n`,
    );
    const result = await runLoop({
      orchestrator: simulatedOrchestrator({
        seed: 'dry-run',
        costPerIterationUsd: dryRunUsdPerIteration,
        ...(saved?.score_history.at(-1)?.target_hash
          ? { initialHash: saved.score_history.at(-1)?.target_hash ?? '' }
          : {}),
      }),
      settings,
      store,
      target: invocation.target,
      signal: options.signal,
      ...(options.now ? { now: options.now } : {}),
      sleep: options.sleep ?? (async () => {}),
      onProgress,
    });
    stderr.write(`${stopLine(result, settings.mode, null, options.commandLine)}\n`);
    return exitCodeOf(result, settings.mode, lastDecision);
  }

  const lock = await acquireLock(invocation.stateRoot, { command: options.commandLine });
  try {
    if (lock.recovered !== null) {
      stderr.write(
        `recovered a stale lock of pid ${lock.recovered.pid} (since ${lock.recovered.started_at}): that process is gone\n`,
      );
    }
    const loaded = await options.loadTarget(invocation);
    try {
      const store = fileStateStore(invocation.stateRoot);
      const saved = await store.read();
      stderr.write(
        `autoloop on ${invocation.target}: ${loaded.description}; ${settings.mode}, ${caps} → state in ${invocation.stateRoot}${saved === null ? '' : ` (resuming: ${saved.iterations_completed} iterations done, status ${saved.status})`}\n`,
      );
      const result = await runLoop({
        orchestrator: loaded.orchestrator,
        settings,
        store,
        target: invocation.target,
        signal: options.signal,
        ...(options.now ? { now: options.now } : {}),
        ...(options.sleep ? { sleep: options.sleep } : {}),
        onProgress,
      });
      stderr.write(`${stopLine(result, settings.mode, paths, options.commandLine)}\n`);
      return exitCodeOf(result, settings.mode, lastDecision);
    } finally {
      await loaded.close();
    }
  } finally {
    await lock.release();
  }
}

function exitCodeOf(result: LoopResult, mode: LoopMode, lastDecision: string | null): number {
  if (result.exitCode !== 0) return result.exitCode;
  if (result.stopRule === 'consecutive_errors') return 1;
  // Only an iteration run by this invocation: a cron tick before the next run is due ran none.
  if (mode === 'scheduled' && result.stopRule === null && lastDecision === 'error') return 1;
  return 0;
}

/** The last line: which rule fired (or why the loop ended), and where to pick the thread up. */
function stopLine(
  result: LoopResult,
  mode: LoopMode,
  paths: ReturnType<typeof statePaths> | null,
  commandLine: string,
): string {
  const { state } = result;
  const done = state.iterations_completed;
  const handoff =
    paths === null
      ? 'dry run: no handoff written'
      : done === 0
        ? `state: ${paths.state}`
        : `handoff: ${paths.handoff(done)}`;
  if (result.exitCode === 130) {
    return `interrupted: ${state.stop_reason ?? 'by a signal'}; state saved (${done} iterations done). Resume with: ${commandLine} · ${handoff}`;
  }
  if (result.exitCode === 1) {
    const where = paths === null ? '' : ` (last_failure_trace in ${paths.state})`;
    return `error: ${state.stop_reason ?? 'the loop failed'}${where}`;
  }
  if (result.stopRule !== null) {
    return `stopped: ${state.stop_reason ?? result.stopRule} · ${done} iterations, $${state.total_cost_usd.toFixed(2)} spent · ${handoff}`;
  }
  if (mode === 'scheduled') {
    return state.next_run_at === null
      ? `scheduled run done (${done} iterations) · ${handoff}`
      : `scheduled: ${done} iterations done; next run due at ${state.next_run_at} (run the same command from cron) · ${handoff}`;
  }
  return `done: ${done} iterations · ${handoff}`;
}
