import type { AttemptFailure, JsonValue, Steer, Usage } from '@ratchet/corpus';
import type { TaskView } from './task';
import type { TraceEvent } from './trace-event';

export type { AttemptFailure } from '@ratchet/corpus';

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
  /** The environment's state for this attempt (a fresh work dir, an in-memory state). */
  readonly handle: Handle;
  readonly steer: Steer | null;
  readonly checkpoint: Checkpoint | null;
  readonly budget: RemainingBudget;
  /** A seed for the worker's own randomness, derived from the run seed: same seed, same attempt. */
  readonly seed: string;
}

/**
 * Usage as a worker reports it: each figure measured, or null; never 0 for "unknown". `workUnits` is
 * the worker's own unit of work when it has one (a synthesizer's search steps, WalkSAT's flips), so
 * equal compute can be checked on real work; omitted means not measured.
 */
export type AttemptUsage = Omit<Usage, 'wallMs' | 'workUnits'> & { readonly workUnits?: number | null };

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
 * What a worker accepts in `steer.parameters`: a zod schema (or anything with the same `safeParse`).
 * The harness checks every steer against it before the attempt; a steer it refuses is the
 * controller's bug and fails the run (`InvalidSteerError`), in every family alike.
 */
export interface SteerParametersSchema {
  safeParse(value: unknown): {
    success: boolean;
    error?: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> };
  };
}

/**
 * The agent doing the task, treated as a black box: one `attempt` is one full rollout. Throw an
 * `InfraError` when the harness (not the agent) failed, so the attempt is retried on fresh state; any
 * other outcome, an agent that ran and failed included, is the agent's and is scored.
 */
export interface Worker<Input = unknown, Handle = unknown> {
  readonly id: string;
  readonly model?: string;
  readonly version?: string;
  /** What `usage.workUnits` counts, e.g. `search steps`; omitted when the worker reports none. */
  readonly workUnit?: string;
  /** The steer parameters this worker reads; omitted when it reads only the steer's text. */
  readonly steerParameters?: SteerParametersSchema;
  attempt(input: AttemptInput<Input, Handle>, signal: AbortSignal): Promise<AttemptResult>;
}
