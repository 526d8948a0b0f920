import type { AttemptFailure, CheckResult, JsonValue, Steer, Usage } from '@ratchet/corpus';
import type { TraceEvent } from './trace-event';

/**
 * One finished attempt as strategies, controllers and analysts see it. It has no field that can hold
 * a verdict (docs/design.md rule 1): the judge's result is recorded in the corpus and never comes back here.
 * Frozen: a strategy cannot edit what it was shown.
 */
export interface AttemptView {
  readonly attemptId: string;
  /** 0-based position within the cell. */
  readonly index: number;
  readonly steer: Steer | null;
  /** The attempt whose checkpoint this one continued from, or null for a fresh start. */
  readonly from: string | null;
  readonly output: JsonValue;
  readonly events: readonly TraceEvent[];
  readonly checks: readonly CheckResult[];
  readonly usage: Usage;
  /** How the agent failed, when its worker could tell (its time limit, a non-zero exit): an observation. */
  readonly failure: AttemptFailure | null;
  /** Whether a later attempt can continue from this one. */
  readonly continuable: boolean;
}

/** The attempts of the current cell so far, oldest first. */
export type History = readonly AttemptView[];
