import type { JsonValue, Steer } from '@ratchet/corpus';
import type { TaskView } from './task';
import type { TraceEvent } from './trace-event';

/** Opaque state a worker can continue from (a search frontier, a conversation, a best assignment). */
export type Checkpoint = JsonValue;

/** What the cell may still spend; null where the arm sets no limit. */
export interface RemainingBudget {
  readonly attempts: number;
  readonly usd: number | null;
  readonly tokens: number | null;
  readonly wallMs: number | null;
}

export interface AttemptInput<Input = unknown, Handle = unknown> {
  readonly task: TaskView<Input>;
  /** The environment's state for this cell (a work dir, an in-memory state). */
  readonly handle: Handle;
  readonly steer: Steer | null;
  readonly checkpoint: Checkpoint | null;
  readonly budget: RemainingBudget;
  /** A seed for the worker's own randomness, derived from the run seed: same seed, same attempt. */
  readonly seed: string;
}

/** Usage as a worker reports it: each figure measured, or null. Never 0 for "unknown". */
export interface AttemptUsage {
  readonly turns: number | null;
  readonly tokensIn: number | null;
  readonly tokensOut: number | null;
  readonly usd: number | null;
  readonly costProvenance: 'measured' | 'estimated' | 'unknown';
  /**
   * The worker's own unit of work, when it has one (a synthesizer's search steps, WalkSAT's flips), so
   * equal compute can be checked on real work; its name is the worker's `workUnit`. Omitted: not measured.
   */
  readonly workUnits?: number | null;
}

/**
 * How an attempt that ran failed, when the worker can tell: the agent's own outcome, scored as a
 * failure (never infra). `timeout`: the agent was still running at its own time limit; `exit`: it
 * exited non-zero; `signal`: something other than the harness killed it; `error`: it failed otherwise.
 */
export interface AttemptFailure {
  readonly reason: 'timeout' | 'exit' | 'signal' | 'error';
  /** One line saying what happened, e.g. `the agent exited with code 1`. */
  readonly message: string;
  /** The first lines of the agent's stderr, when it wrote any (a CLI agent). */
  readonly stderr?: string;
}

export interface AttemptResult {
  readonly output: JsonValue;
  readonly events: readonly TraceEvent[];
  readonly usage: AttemptUsage;
  /** Where a later attempt may continue from; omitted when the worker cannot continue. */
  readonly checkpoint?: Checkpoint;
  /** Set when the agent ran and failed in a way the worker recognises (its time limit, a non-zero exit). */
  readonly failure?: AttemptFailure;
}

/**
 * The agent doing the task, treated as a black box: one `attempt` is one full rollout. Throw an
 * `InfraError` when the harness (not the agent) failed, so the attempt is retried; any other outcome,
 * an agent that ran and failed included, is the agent's and is scored.
 */
export interface Worker<Input = unknown, Handle = unknown> {
  readonly id: string;
  /** What `usage.workUnits` counts, e.g. `search steps`; omitted when the worker reports none. */
  readonly workUnit?: string;
  readonly model?: string;
  readonly version?: string;
  attempt(input: AttemptInput<Input, Handle>, signal: AbortSignal): Promise<AttemptResult>;
}
