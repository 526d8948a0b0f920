import type { ProviderFailure, ProviderFailureKind } from './event-stream-parser';
import { countField, type JsonObject, objectField, stringField } from './json-fields';
import { opencodeErrorText } from './opencode-log-line';

/** What opencode's log (stderr, `--print-logs`) said about the provider calls an `error` event may stand for. */
export interface OpencodeLoggedFailures {
  /** `message=failed ref=err_… error="<Class>: <message>"`: what an `UnknownError` with that `ref` was. */
  readonly byRef: ReadonlyMap<string, string>;
  /** The last `message="stream error"`: the last failed call to the provider, as opencode logged it. */
  readonly lastCall: string | null;
}

/**
 * The provider failure an opencode 1.18 `error` event reports (`{ name, data }`), or null when it is
 * not the provider's (an aborted message, a context overflow, an error with no provider call behind it):
 * - `APIError`, by `data.statusCode`: 401/403 credentials; 402, or a body or message about quota,
 *   billing or credit (OpenAI's 429 `insufficient_quota`, Anthropic's 400 "credit balance is too low")
 *   billing; 429 rate-limit, with the wait from `retry-after-ms`/`retry-after`; 503/529 or
 *   "overloaded" overloaded; other 5xx server; 400/404/422 request; no status at all network (no
 *   response reached opencode: a refused or dropped connection, its `headerTimeout`);
 * - `ProviderAuthError` (a stored login it could not use): credentials;
 * - `UnknownError`, which opencode writes for failures it does not type: its log says what it was.
 *   A `ProviderModelNotFoundError` with the same `ref` is a refused request (an unknown model, or a
 *   provider without credentials, whose models opencode does not list); the same text as the last
 *   failed provider call (a response it could not parse) is that call's failure.
 */
export function opencodeErrorFailure(error: JsonObject | null, logged: OpencodeLoggedFailures): ProviderFailure | null {
  const data = objectField(error, 'data');
  const message = opencodeErrorText(stringField(data, 'message') ?? '');
  switch (stringField(error, 'name')) {
    case 'APIError':
      return apiFailure(data, message);
    case 'ProviderAuthError':
      return { kind: 'credentials', message };
    case 'UnknownError': {
      const ref = stringField(data, 'ref');
      const loggedError = ref === null ? undefined : logged.byRef.get(ref);
      if (loggedError?.startsWith('ProviderModelNotFoundError: ')) {
        return { kind: 'request', message: opencodeErrorText(loggedError) };
      }
      const lastCall = logged.lastCall === null ? null : opencodeErrorText(logged.lastCall);
      return lastCall !== null && message !== '' && lastCall === message
        ? retriedCallFailure(logged.lastCall ?? '')
        : null;
    }
    default:
      return null;
  }
}

function apiFailure(data: JsonObject | null, message: string): ProviderFailure | null {
  const status = countField(data, 'statusCode');
  const said = `${message} ${stringField(data, 'responseBody') ?? ''}`;
  const failure = (kind: ProviderFailureKind, extra: Partial<ProviderFailure> = {}): ProviderFailure => ({
    kind,
    message,
    ...(status === null ? {} : { status }),
    ...extra,
  });
  if (status === null) return failure('network');
  if (status === 402 || billing.test(said)) return failure('billing');
  if (status === 401 || status === 403) return failure('credentials');
  if (status === 429) {
    const wait = retryAfterMs(objectField(data, 'responseHeaders'));
    return failure('rate-limit', wait === null ? {} : { retryAfterMs: wait });
  }
  if (status === 503 || status === 529 || /overloaded/i.test(said)) return failure('overloaded');
  if (status >= 500) return failure('server');
  if (status === 400 || status === 404 || status === 422) return failure('request');
  return null;
}

const billing = /insufficient_quota|exceeded your current quota|billing|credit balance/i;

/**
 * What a failed provider call that opencode logged (`message="stream error"`) was, from its text
 * alone: opencode logs no status code. opencode retries such a call unless it reports the failure
 * at once as an `error` event, which says more.
 *
 * @example
 * retriedCallFailure('AI_APICallError: The server is overloaded or not ready yet.')
 * // => { kind: 'overloaded', message: 'The server is overloaded or not ready yet.' }
 */
export function retriedCallFailure(text: string): ProviderFailure {
  const message = opencodeErrorText(text);
  return { kind: retriedCallKind(text), message };
}

function retriedCallKind(text: string): ProviderFailureKind {
  if (billing.test(text)) return 'billing';
  if (/rate.?limit|too many requests/i.test(text)) return 'rate-limit';
  if (/overloaded|service unavailable|at capacity/i.test(text)) return 'overloaded';
  if (
    /HeaderTimeout|timed out|cannot connect|socket|ECONN|ENOTFOUND|EAI_AGAIN|fetch failed|network|connection/i.test(
      text,
    )
  ) {
    return 'network';
  }
  return 'server';
}

/** The wait a 429 asked for: `retry-after-ms`, or `retry-after` in seconds or as an HTTP date. */
function retryAfterMs(headers: JsonObject | null): number | null {
  const ms = Number.parseFloat(stringField(headers, 'retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return Math.ceil(ms);
  const value = stringField(headers, 'retry-after');
  if (value === null) return null;
  const seconds = Number.parseFloat(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000);
  const until = Date.parse(value) - Date.now();
  return Number.isFinite(until) && until > 0 ? until : null;
}
