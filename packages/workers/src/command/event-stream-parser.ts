import type { JsonValue } from '@ratchet/corpus';
import type { AttemptUsage, TraceEvent } from '@ratchet/runtime';

/** A trace event before the worker stamps it with the time it was read. */
export type TraceEventDraft = Omit<TraceEvent, 'atMs'>;

/**
 * How an agent's stream ended, as the agent itself reported it: `succeeded` when it emitted a final
 * successful result, `failed` when it reported a failure (an error result, a failed turn), `unknown`
 * when it said neither (it crashed, or its format has no such signal).
 */
export type StreamStatus = 'succeeded' | 'failed' | 'unknown';

/** What a whole stream said once it ended. */
export interface StreamSummary {
  /** The agent's final message or result text; null when it produced none. */
  readonly output: JsonValue;
  readonly usage: AttemptUsage;
  readonly status: StreamStatus;
  /** Error texts the stream reported (error events, failed results), used to spot rate limits. */
  readonly errors: readonly string[];
}

/**
 * Reads one attempt's stdout, line by line, into trace events and a summary. One parser per attempt
 * (it keeps state). It must never throw: a line it cannot read becomes a `log` event.
 */
export interface EventStreamParser {
  /** Events for one line of stdout (without its line break). */
  parseLine(line: string): TraceEventDraft[];
  /** Events still held back after the last line (text a plain-text parser was gathering). */
  flush?(): TraceEventDraft[];
  /** The summary, called once after the last line. */
  finish(): StreamSummary;
}

/** Makes a fresh parser for each attempt. */
export type EventStreamParserFactory = () => EventStreamParser;
