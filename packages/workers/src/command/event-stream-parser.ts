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

/**
 * What the agent's model provider refused, by what it means for the run (every kind reaches every cell):
 * - `credentials`: no key, an invalid or expired key or login (HTTP 401, 403);
 * - `billing`: no credit, a spending limit, a plan that does not include the model (HTTP 402);
 * - `request`: the provider refused the request itself, which every cell repeats (an unknown model, HTTP 400, 404);
 * - `rate-limit`: too many requests for now (HTTP 429);
 * - `overloaded`: the provider is overloaded (HTTP 529, 503);
 * - `server`: the provider failed (HTTP 500, 502, 504);
 * - `network`: the provider could not be reached (DNS, connection refused or dropped, a proxy).
 */
export const providerFailureKinds = [
  'credentials',
  'billing',
  'request',
  'rate-limit',
  'overloaded',
  'server',
  'network',
] as const;
export type ProviderFailureKind = (typeof providerFailureKinds)[number];

/** One failure of the agent's model provider, as the CLI reported it in a structured field. */
export interface ProviderFailure {
  readonly kind: ProviderFailureKind;
  /** What the CLI said, for the error message (a line, not a whole response body). */
  readonly message: string;
  /** The HTTP status, when the CLI reported one. */
  readonly status?: number;
  /** How long the provider asked to wait, when it said (a `retry-after` header, a reset time). */
  readonly retryAfterMs?: number;
}

/** The last thing the agent was doing, in words, for a message about an attempt that did not end. */
export interface AgentActivity {
  /** e.g. `running tool Bash`, `retrying the API: connection_failed (attempt 7)`. */
  readonly text: string;
  /** Set when that activity was the CLI retrying its provider: the failure it was retrying. */
  readonly providerRetry?: ProviderFailure;
}

/** What a whole stream said once it ended. */
export interface StreamSummary {
  /** The agent's final message or result text; null when it produced none. */
  readonly output: JsonValue;
  readonly usage: AttemptUsage;
  readonly status: StreamStatus;
  /** Error texts the stream reported (error events, failed results), searched for rate limits when no failure below says more. */
  readonly errors: readonly string[];
  /**
   * Provider failures the CLI gave up on (a final API error, a failed turn), in the order reported.
   * Retries the CLI went on from are not failures: they are `activity()` while they last.
   */
  readonly providerFailures: readonly ProviderFailure[];
}

/**
 * Reads one attempt's stdout, line by line, into trace events and a summary. One parser per attempt
 * (it keeps state). It must never throw: a line it cannot read becomes a `log` event.
 */
export interface EventStreamParser {
  /** Events for one line of stdout (without its line break). */
  parseLine(line: string): TraceEventDraft[];
  /**
   * Events for one line of stderr, for a CLI that says there what its stdout leaves out (opencode logs
   * each failed call to its provider only on stderr). Without it stderr is only kept for the trace and
   * the failure. Stdout and stderr lines arrive in the order they were read, not necessarily written.
   */
  parseStderrLine?(line: string): TraceEventDraft[];
  /** Events still held back after the last line (text a plain-text parser was gathering). */
  flush?(): TraceEventDraft[];
  /** The summary, called once after the last line. */
  finish(): StreamSummary;
  /**
   * The last thing the agent was doing, as of the lines read so far; null when it said nothing yet.
   * Without it the worker describes the last trace event (`running tool Bash`), which cannot tell a
   * provider retry from the agent's own work.
   */
  activity?(): AgentActivity | null;
}

/** Makes a fresh parser for each attempt. */
export type EventStreamParserFactory = () => EventStreamParser;
