import type { IncomingHttpHeaders } from 'node:http';
import type { MockApiName } from './mock-routes';
import type { MockScenarioKind } from './mock-scenario';

/** One request the mock received, as a test sees it. */
export interface RecordedRequest {
  readonly method: string;
  /** The path without its query (`/v1/messages`). */
  readonly path: string;
  /** The query parameters (`{ beta: 'true' }`). */
  readonly query: Readonly<Record<string, string>>;
  /** Which API the path belongs to; null for a path the mock does not serve (answered 404). */
  readonly api: MockApiName | null;
  /** Header names in lower case; credentials masked by `maskSecret`. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body parsed as JSON; the raw text when it is not JSON; null when empty. */
  readonly body: unknown;
  /** The scenario that answered it; null for a call no scenario answers (models, count_tokens, a refused key). */
  scenario: MockScenarioKind | null;
  /** The status sent; null while pending, and for `drop` and `hang`. */
  status: number | null;
}

const secretHeader = /authorization|api-key|apikey|token|secret|cookie/i;

/**
 * A credential as the mock records it: its last 4 characters only, so a test can tell which key
 * arrived without a real key ever landing in a log.
 *
 * @example
 * maskSecret('Bearer sk-test-1234'); // => '[masked …1234]'
 */
export function maskSecret(value: string): string {
  return value.length >= 12 ? `[masked …${value.slice(-4)}]` : '[masked]';
}

export function recordedHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const recorded: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    recorded[name] = secretHeader.test(name) ? maskSecret(text) : text;
  }
  return recorded;
}

/** The API key a request carried: `x-api-key` (Anthropic) or `Authorization: Bearer` (OpenAI). */
export function apiKeyOf(headers: IncomingHttpHeaders): string | undefined {
  const direct = headers['x-api-key'];
  if (typeof direct === 'string') return direct;
  const bearer = headers.authorization?.match(/^Bearer\s+(.+)$/i);
  return bearer?.[1];
}

export function parsedBody(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
