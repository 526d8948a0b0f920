/**
 * The shared vocabulary of the autoloop (issue 16): what one iteration of the improvement loop returns,
 * the loop's settings, its persistent state, and the store that keeps it. The engine (`run-loop.ts`),
 * the stop rules, the file store and the orchestrators all speak these types.
 */

/** What an iteration decided: the candidate was kept (written to the target), rejected, or the iteration failed. */
export type Decision = 'keep' | 'reject' | 'error';

export type LoopMode = 'single-run' | 'continuous' | 'scheduled';

export type StopRule = 'max_iterations' | 'cost_cap' | 'plateau' | 'oscillation' | 'consecutive_errors';

/**
 * The loop's status in its state file. A loop that ends does so by a named rule (`stopped_*`), a signal
 * (`interrupted`) or an error; `completed` is part of the state format but never written by this engine —
 * every end has a more precise status (the public tool it replaces saved "completed" on Ctrl+C).
 */
export type LoopStatus =
  | 'running'
  | 'completed'
  | 'stopped_max_iterations'
  | 'stopped_cost_cap'
  | 'stopped_plateau'
  | 'stopped_oscillation'
  | 'stopped_errors'
  | 'interrupted'
  | 'error';

/** A gated estimate: the lift the gate measured on the holdout, with its confidence interval. */
export interface GatedScore {
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
}

/** What an orchestrator returns for one iteration, through its typed API (never scraped from output). */
export interface IterationOutcome {
  readonly decision: Decision;
  /** The candidate's id (its controller hash); null when the iteration failed before making one. */
  readonly candidateId: string | null;
  /** The target's controller hash after the iteration: the candidate's when kept, unchanged otherwise. */
  readonly targetHash: string | null;
  /** The gated lift with its CI; null when nothing reached the gate. */
  readonly score: GatedScore | null;
  /** Dollars the iteration spent, measured; null when the workers meter none (e.g. the offline families). */
  readonly spendUsd: number | null;
  /** Cells the iteration ran (rollouts), metered whatever the worker. */
  readonly cells: number;
  /** For an `error`: what failed, with its stack, saved as the state's `last_failure_trace`. */
  readonly failure: string | null;
  /** One paragraph: what was tried and why it was kept or rejected (goes into the handoff). */
  readonly summary: string;
}

/** What the engine tells an orchestrator when it starts an iteration. */
export interface IterationContext {
  readonly iteration: number;
  /** Aborted on Ctrl+C, and when the running iteration crosses the cost cap. */
  readonly signal: AbortSignal;
  /** Dollars left under the cap (null: no cap). */
  readonly remainingUsd: number | null;
}

/** The improvement loop one iteration at a time: `improve` on a target, or a simulation for --dry-run. */
export interface Orchestrator {
  /** Names it in the log (`improve`, `simulated`). */
  readonly kind: string;
  /** The target's controller hash before any iteration (for oscillation). */
  readonly initialHash: string | null;
  iterate(context: IterationContext): Promise<IterationOutcome>;
}

export interface LoopSettings {
  readonly maxIterations: number;
  /** Dollars in all, across re-invocations; null for no cap. */
  readonly maxCostUsd: number | null;
  readonly plateauWindow: number;
  readonly cooldownMinutes: number;
  readonly mode: LoopMode;
  readonly maxConsecutiveErrors: number;
  /** A kept candidate counts as improvement only when its gated lift's lower bound exceeds this. */
  readonly minImprovement: number;
  readonly dryRun: boolean;
}

/** One entry of the score history (snake_case: the state file's own format). */
export interface ScoreEntry {
  readonly iteration: number;
  /** The gated estimate (null when the iteration did not reach the gate). */
  readonly weighted_score: number | null;
  readonly decision: Decision;
  readonly candidate_id: string | null;
  readonly ci: readonly [number, number] | null;
  /** The target's controller hash after the iteration. */
  readonly target_hash: string | null;
  readonly spend_usd: number | null;
}

/** `autoloop_state.json`. Unknown fields a newer version wrote are kept when the state is rewritten. */
export interface AutoloopState {
  readonly schema_version: 1;
  readonly target: string;
  readonly iterations_completed: number;
  readonly max_iterations: number;
  readonly total_cost_usd: number;
  readonly max_cost_usd: number | null;
  readonly score_history: readonly ScoreEntry[];
  readonly plateau_counter: number;
  readonly consecutive_errors: number;
  readonly status: LoopStatus;
  readonly stop_reason: string | null;
  readonly last_failure_trace: string | null;
  readonly next_run_at: string | null;
  readonly started_at: string;
  readonly updated_at: string;
  readonly [unknown: string]: unknown;
}

/** One line of `iteration_log.jsonl`: every iteration, failed ones included. */
export interface IterationLogEntry {
  readonly iteration: number;
  readonly started_at: string;
  readonly ended_at: string;
  readonly orchestrator: string;
  readonly outcome: IterationOutcome;
  readonly total_cost_usd: number;
}

/** Where the loop's state lives: files in the state root, or memory in tests. */
export interface StateStore {
  read(): Promise<AutoloopState | null>;
  /** Replaces the state atomically: a crash leaves the old file or the new one, never half of either. */
  write(state: AutoloopState): Promise<void>;
  appendLog(entry: IterationLogEntry): Promise<void>;
  /** Writes `handoffs/iteration-<n>.md`. */
  writeHandoff(iteration: number, markdown: string): Promise<void>;
}
