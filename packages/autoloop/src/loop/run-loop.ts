import type { AutoloopState, LoopSettings, Orchestrator, StateStore, StopRule } from '../autoloop-types';
import { type HandoffArgs, handoffMarkdown } from '../state/handoff-markdown';
import { abortableSleep } from './abortable-sleep';
import type { LoopProgress } from './loop-progress';
import { applyOutcome, createLoopState, resumeLoopState } from './loop-state';
import { runIteration } from './run-iteration';
import { StateTargetMismatchError } from './state-target-mismatch-error';
import { firstStopRule, type StopVerdict, statusForRule } from './stop-rules';
import { validateLoopSettings } from './validate-loop-settings';

export interface RunLoopOptions {
  readonly orchestrator: Orchestrator;
  readonly settings: LoopSettings;
  readonly store: StateStore;
  /** The target directory as the state names it; a state of another target is refused. */
  readonly target: string;
  /** Ctrl+C: the running iteration is aborted, the state saved as `interrupted`, exit code 130. */
  readonly signal: AbortSignal;
  readonly now?: () => Date;
  /** Waits between continuous iterations; must return early when the signal aborts. */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly onProgress?: (progress: LoopProgress) => void;
  /** Renders an iteration's handoff markdown; a plain one is written when absent. */
  readonly handoff?: (args: HandoffArgs) => string;
}

/** 0: stopped by a rule, or a scheduled/not-yet-due run that ended normally; 1: error; 130: interrupted. */
export type LoopExitCode = 0 | 1 | 130;

export interface LoopResult {
  readonly state: AutoloopState;
  readonly stopRule: StopRule | null;
  readonly exitCode: LoopExitCode;
}

const minuteMs = 60_000;

function trace(error: unknown): string {
  return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
}

/**
 * The autoloop: resumes the state (or creates it) and runs iterations until a stop rule fires, the signal
 * aborts, or — in `scheduled` mode — one iteration has run. After every iteration, failed ones included,
 * it appends the log line, then writes the handoff and the state, in that order: a kill between the
 * writes leaves a log line for an iteration the state does not count (run again on resume), never a
 * counted iteration without its log line.
 *
 * @throws {InvalidLoopSettingsError} before anything is read, when a setting is out of range.
 * @throws {StateTargetMismatchError} when the store holds another target's loop (nothing is written).
 * Errors reading the state (a corrupt file) are thrown as they are, and the file is left untouched.
 * Any other error is caught: the state is saved with status `error` and its trace, and exit code 1.
 */
export async function runLoop(options: RunLoopOptions): Promise<LoopResult> {
  const { orchestrator, settings, store, signal } = options;
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? abortableSleep;
  const handoff = options.handoff ?? handoffMarkdown;
  validateLoopSettings(settings);

  const existing = await store.read();
  if (existing !== null && existing.target !== options.target) {
    throw new StateTargetMismatchError({ stateTarget: existing.target, target: options.target });
  }
  let state =
    existing === null
      ? createLoopState({ target: options.target, settings, initialHash: orchestrator.initialHash, now: now() })
      : resumeLoopState(existing, settings, now());

  const save = async (patch: Partial<AutoloopState>): Promise<void> => {
    state = { ...state, ...patch, updated_at: now().toISOString() };
    await store.write(state);
  };
  const stopped = async (stop: StopVerdict): Promise<LoopResult> => {
    await save({ status: statusForRule(stop.rule), stop_reason: stop.reason, next_run_at: null });
    return { state, stopRule: stop.rule, exitCode: 0 };
  };
  const interrupted = async (when: string): Promise<LoopResult> => {
    await save({ status: 'interrupted', stop_reason: `interrupted by a signal ${when}`, next_run_at: null });
    return { state, stopRule: null, exitCode: 130 };
  };

  try {
    const first = firstStopRule(state, settings);
    if (first !== null) return await stopped(first);
    const due = state.next_run_at === null ? 0 : Date.parse(state.next_run_at) - now().getTime();
    if (settings.mode === 'scheduled' && due > 0 && existing !== null) {
      // Not yet due (cron fires more often than the cooldown): nothing to do, nothing rewritten.
      return { state: existing, stopRule: null, exitCode: 0 };
    }
    await save({});

    for (;;) {
      if (signal.aborted) return await interrupted('before an iteration started');
      const wait = state.next_run_at === null ? 0 : Date.parse(state.next_run_at) - now().getTime();
      if (settings.mode === 'continuous' && wait > 0) {
        await sleep(wait, signal);
        if (signal.aborted) return await interrupted('during the cooldown');
      }

      const iteration = state.iterations_completed + 1;
      const startedAt = now().toISOString();
      const run = await runIteration({
        orchestrator,
        iteration,
        signal,
        spentBeforeUsd: state.total_cost_usd,
        maxCostUsd: settings.maxCostUsd,
      });
      const endedAt = now();
      state = run.counted
        ? applyOutcome(state, run.outcome, { iteration, settings, now: endedAt })
        : { ...state, total_cost_usd: state.total_cost_usd + (run.outcome.spendUsd ?? 0) };
      const stop = run.counted ? firstStopRule(state, settings) : null;

      await store.appendLog({
        iteration,
        started_at: startedAt,
        ended_at: endedAt.toISOString(),
        orchestrator: orchestrator.kind,
        outcome: run.outcome,
        total_cost_usd: state.total_cost_usd,
      });
      if (run.counted) {
        await store.writeHandoff(iteration, handoff({ iteration, outcome: run.outcome, state, settings, stop }));
      }
      const goesOn = stop === null && !run.interrupted;
      const next =
        goesOn && settings.mode !== 'single-run' ? endedAt.getTime() + settings.cooldownMinutes * minuteMs : null;
      await save({
        status: run.interrupted ? 'interrupted' : stop === null ? 'running' : statusForRule(stop.rule),
        stop_reason: run.interrupted
          ? `interrupted by a signal during iteration ${iteration}${run.counted ? '' : ' (not counted: it is run again on resume)'}`
          : (stop?.reason ?? null),
        next_run_at: next === null ? null : new Date(next).toISOString(),
      });
      options.onProgress?.({
        iteration,
        decision: run.outcome.decision,
        counted: run.counted,
        score: run.outcome.score,
        spendUsd: run.outcome.spendUsd,
        totalCostUsd: state.total_cost_usd,
        maxCostUsd: settings.maxCostUsd,
        iterationsCompleted: state.iterations_completed,
        maxIterations: settings.maxIterations,
        plateauCounter: state.plateau_counter,
        plateauWindow: settings.plateauWindow,
        consecutiveErrors: state.consecutive_errors,
        maxConsecutiveErrors: settings.maxConsecutiveErrors,
        stop,
      });
      if (run.interrupted) return { state, stopRule: null, exitCode: 130 };
      if (stop !== null) return { state, stopRule: stop.rule, exitCode: 0 };
      if (settings.mode === 'scheduled') return { state, stopRule: null, exitCode: 0 };
    }
  } catch (error) {
    state = {
      ...state,
      status: 'error',
      stop_reason: `error outside an iteration: ${error instanceof Error ? error.message : String(error)}`,
      last_failure_trace: trace(error),
      updated_at: now().toISOString(),
    };
    try {
      await store.write(state);
    } catch {
      // The store itself failed; the caller still gets the status, the trace and exit code 1.
    }
    return { state, stopRule: null, exitCode: 1 };
  }
}
