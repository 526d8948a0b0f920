import type { JsonValue } from '@ratchet/corpus';
import type { DslType, DslValue } from './dsl-program';
import type { BankEntry } from './program-bank';
import type { SearchParameters } from './search-parameters';

/** One visible example: what the worker sees and fits. */
export interface DslExample {
  readonly input: number[];
  readonly output: DslValue;
}

/**
 * Where a search stands, as plain JSON: the worker's checkpoint. Holds the banked programs, the size
 * level being enumerated and each generator's position in it, the best program so far and counters,
 * so a later call continues exactly where this one stopped.
 */
export interface DslSearchState {
  readonly version: 1;
  /** The depth limit the bank was built under; a different limit restarts the frontier. */
  readonly maxDepth: number;
  /** The library the bank was built with (`libraryKey`); absent for none. A different library restarts the frontier. */
  readonly library?: string;
  readonly totalSteps: number;
  readonly entries: BankEntry[];
  /** The program size being enumerated. */
  readonly level: number;
  /** Per generator of the current level: how many of its candidates were tried. */
  readonly cursors: number[];
  /** Per generator of the current level: candidates that fit every focused example. */
  readonly nearMisses: number[];
  readonly best: { readonly program: string; readonly score: number } | null;
  /** `totalSteps` when the best last improved. */
  readonly lastImprovement: number;
  readonly depthReached: number;
  readonly solved: boolean;
  /** Every program within the depth limit was tried. */
  readonly exhausted: boolean;
}

/** A plain-JSON request to the `dsl` solver (it may cross a thread boundary). */
export interface DslSolveRequest {
  readonly examples: readonly DslExample[];
  readonly outputType: DslType;
  /** Steps this call may spend: one step is one candidate program built and run on the examples. */
  readonly steps: number;
  readonly seed: string;
  readonly parameters: SearchParameters;
  readonly state: DslSearchState | null;
  /** Steps without improvement after which the call reports a stall. */
  readonly stallWindow: number;
}

/** What the search reports as it goes; becomes the attempt's trace events. */
export interface DslSearchEvent {
  readonly kind: string;
  readonly step: number;
  readonly [key: string]: JsonValue;
}

export interface DslSolveResult {
  readonly state: DslSearchState;
  readonly stepsUsed: number;
  readonly events: DslSearchEvent[];
}
