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
}

export interface AttemptResult {
  readonly output: JsonValue;
  readonly events: readonly TraceEvent[];
  readonly usage: AttemptUsage;
  /** Where a later attempt may continue from; omitted when the worker cannot continue. */
  readonly checkpoint?: Checkpoint;
}

/**
 * The agent doing the task, treated as a black box: one `attempt` is one full rollout. Throw an
 * `InfraError` when the harness (not the agent) failed, so the attempt is retried; any other outcome,
 * an agent that ran and failed included, is the agent's and is scored.
 */
export interface Worker<Input = unknown, Handle = unknown> {
  readonly id: string;
  readonly model?: string;
  readonly version?: string;
  attempt(input: AttemptInput<Input, Handle>, signal: AbortSignal): Promise<AttemptResult>;
}
