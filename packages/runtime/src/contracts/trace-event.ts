import type { JsonValue } from '@ratchet/corpus';

/** One step of an attempt's execution record. */
export interface TraceEvent {
  readonly type: 'message' | 'tool-call' | 'tool-result' | 'error' | 'log' | 'search' | 'output';
  /** Milliseconds since the attempt started, when the worker knows. */
  readonly atMs?: number;
  readonly data: JsonValue;
}
