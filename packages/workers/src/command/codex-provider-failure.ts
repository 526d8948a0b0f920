import { detectRateLimit } from './detect-rate-limit';
import type { ProviderFailure, ProviderFailureKind } from './event-stream-parser';
import { objectField, parseJsonLine, stringField } from './json-fields';

/**
 * The provider failure a Codex error message stands for, or null when it is none (a sandbox error,
 * a full context window, a content filter: the agent's own outcome). Codex 0.169's JSON events carry
 * only the text of an error (`error.message`), never its HTTP status or codex's own error code, so
 * this reads the texts codex writes (codex-rs `CodexErr`), as recorded against the mock model API
 * (fixtures/codex-0.169.0-*.jsonl):
 * - a status in `unexpected status 401 Unauthorized: …` or `exceeded retry limit, last status: 429 …`:
 *   401, 403 credentials; 402 billing; 429 a rate limit (billing when it says `insufficient_quota`);
 *   400, 404, 409, 422 a refused request; 503, 529 overloaded; other 5xx a server failure;
 * - a 400's body, which codex passes on as it came (`{"error":{"message":…,"type":"invalid_request_error"}}`);
 * - its own phrases: `Missing environment variable: …` and a login that cannot be refreshed
 *   (credentials), `Quota exceeded. Check your plan and billing details.` and the ChatGPT plan's
 *   usage limits (billing), `We're currently experiencing high demand…` (its text for a 500: server),
 *   `Selected model is at capacity…` (overloaded), `stream disconnected before completion: …`,
 *   `Connection failed: …` and `Error while reading the server response: …` (network).
 *
 * @example
 * codexProviderFailure('exceeded retry limit, last status: 429 Too Many Requests, request id: req_1')
 * // => { kind: 'rate-limit', message: 'exceeded retry limit, last status: 429 Too Many Requests, request id: req_1', status: 429 }
 */
export function codexProviderFailure(message: string): ProviderFailure | null {
  const text = message.trim();
  const body = errorBody(text);
  if (body !== null) return body;
  const status = statusOf(text);
  const kind = status === undefined ? kindOfPhrase(text) : kindOfStatus(status, text);
  if (kind === null) return null;
  const retryAfterMs = kind === 'rate-limit' ? detectRateLimit([text])?.retryAfterMs : undefined;
  return {
    kind,
    message: text,
    ...(status === undefined ? {} : { status }),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  };
}

/** A Codex retry notice: what it is retrying, and the failure that made it. */
export interface CodexRetryNotice {
  /** The try, as codex counts it (`2/5`), or null while it waits for the network (it retries that for ever). */
  readonly attempt: string | null;
  readonly failure: ProviderFailure;
}

/**
 * Reads codex's notice that it is retrying the model API, an `error` event it goes on from:
 * `Reconnecting... 2/5 (<failure>)` (a stream retry, up to the provider's `stream_max_retries`) or
 * `Reconnecting... waiting for network (<failure>)` (a connection that failed: retried for ever,
 * whatever the retry settings). Null for any other message. The failure in the brackets is read by
 * `codexProviderFailure`; one it does not know, or a refused WebSocket (`url: ws://…`, which codex
 * then gives up for HTTPS), is taken as the network's: codex reconnects only after a failed
 * connection, stream or answer.
 *
 * @example
 * codexRetryNotice('Reconnecting... waiting for network (Connection failed: error sending request)')
 * // => { attempt: null, failure: { kind: 'network', message: 'Connection failed: error sending request' } }
 */
export function codexRetryNotice(message: string): CodexRetryNotice | null {
  const notice = /^Reconnecting\.\.\.\s*(?:(\d+\/\d+)|waiting for network)\s*(?:\((.*)\))?\s*$/s.exec(message.trim());
  if (notice === null) return null;
  const cause = notice[2]?.trim() || 'the connection to the model API failed';
  // A WebSocket the endpoint refused (a proxy without them) is a connection codex falls back from to HTTPS.
  const failure = /url: wss?:\/\//.test(cause) ? null : codexProviderFailure(cause);
  return { attempt: notice[1] ?? null, failure: failure ?? { kind: 'network', message: cause } };
}

const phrases: ReadonlyArray<readonly [RegExp, ProviderFailureKind | null]> = [
  // The model's own answer cut short, not the connection: the agent's outcome.
  [/Incomplete response returned|content_filter/i, null],
  [/^Missing environment variable\b/i, 'credentials'],
  [
    /access token could not be refreshed|Failed to refresh token|sign in again|ChatGPT login is required|not logged in/i,
    'credentials',
  ],
  [
    /Quota exceeded|insufficient_quota|out of credits|spend cap|credit limit|hit your usage limit|usage limit reached|upgrade to (?:Plus|Pro)/i,
    'billing',
  ],
  [/at capacity|experiencing high load|capacity is unavailable|overloaded/i, 'overloaded'],
  [/experiencing high demand/i, 'server'],
  [
    /^stream disconnected before completion|^Connection failed\b|^Error while reading the server response|waiting for network|Access blocked by Cloudflare/i,
    'network',
  ],
];

function kindOfPhrase(text: string): ProviderFailureKind | null {
  for (const [pattern, kind] of phrases) if (pattern.test(text)) return kind;
  return null;
}

/** The HTTP status codex names in `unexpected status 503 …` or `exceeded retry limit, last status: 429 …`. */
function statusOf(text: string): number | undefined {
  const status = /\b(?:unexpected status|last status:)\s*(\d{3})\b/i.exec(text)?.[1];
  return status === undefined ? undefined : Number(status);
}

function kindOfStatus(status: number, text: string): ProviderFailureKind | null {
  if (status === 401 || status === 403) return /Access blocked by Cloudflare/i.test(text) ? 'network' : 'credentials';
  if (status === 402) return 'billing';
  if (status === 429) return /insufficient_quota|Quota exceeded/i.test(text) ? 'billing' : 'rate-limit';
  if ([400, 404, 409, 422].includes(status)) return 'request';
  if (status === 503 || status === 529) return 'overloaded';
  if (status >= 500) return 'server';
  // 408 and 413 are this attempt's own (a slow or too long request): its outcome, not the run's.
  return null;
}

/** What the code and type of an OpenAI error object mean; the first match decides. */
const bodyCodes: ReadonlyArray<readonly [RegExp, ProviderFailureKind | null]> = [
  // A conversation too long for the model is this attempt's own: its outcome.
  [/context_length|too_large/, null],
  [/invalid_api_key|authentication/, 'credentials'],
  [/insufficient_quota|billing/, 'billing'],
  [/rate_limit/, 'rate-limit'],
  [/overloaded/, 'overloaded'],
  [/server_error/, 'server'],
  [/invalid_request|not_found|model/, 'request'],
];

/** Codex passes a 400's body on as its message: an OpenAI error object, read by its code and type. */
function errorBody(text: string): ProviderFailure | null {
  const error = objectField(parseJsonLine(text), 'error');
  if (error === null) return null;
  const codes = `${stringField(error, 'code') ?? ''} ${stringField(error, 'type') ?? ''}`;
  const kind = bodyCodes.find(([pattern]) => pattern.test(codes))?.[1] ?? null;
  return kind === null ? null : { kind, message: stringField(error, 'message') ?? text };
}
