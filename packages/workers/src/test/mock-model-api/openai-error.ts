import type { HttpAnswer } from './http-answer';
import type { MockErrorScenario } from './mock-scenario';

/**
 * An error as OpenAI sends it, for the Responses and the Chat Completions APIs alike:
 * `{ error: { message, type, param, code } }`. Billing is OpenAI's 429 `insufficient_quota`, which
 * only the code tells apart from a rate limit; overload is 503.
 */
export function openaiError(scenario: MockErrorScenario, requestId: string): HttpAnswer {
  const body = (
    status: number,
    type: string,
    code: string | null,
    message: string,
    headers: Record<string, string> = {},
  ) => ({
    status,
    headers: { 'x-request-id': requestId, ...headers },
    body: { error: { message, type, param: null, code } },
  });
  switch (scenario.kind) {
    case 'unauthorized':
      return body(401, 'invalid_request_error', 'invalid_api_key', 'Incorrect API key provided.');
    case 'billing':
      return body(
        429,
        'insufficient_quota',
        'insufficient_quota',
        'You exceeded your current quota, please check your plan and billing details.',
      );
    case 'rate-limited':
      return body(
        429,
        'requests',
        'rate_limit_exceeded',
        'Rate limit reached for requests. Please try again later.',
        scenario.retryAfterSeconds === undefined ? {} : { 'retry-after': String(scenario.retryAfterSeconds) },
      );
    case 'overloaded':
      return body(503, 'server_error', null, 'The server is overloaded or not ready yet.');
    case 'server-error':
      return body(500, 'server_error', null, 'The server had an error while processing your request.');
    case 'bad-request':
      return body(400, 'invalid_request_error', null, scenario.message ?? 'Unrecognized request argument supplied.');
  }
}
