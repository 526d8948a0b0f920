import { type HttpAnswer, type ModelCall, type SseEvent, textPieces } from './http-answer';
import type { MockErrorScenario, MockSuccess, MockUsage } from './mock-scenario';

/** Anthropic's usage: `input_tokens` leaves out the tokens read from or written to the prompt cache. */
export function anthropicUsage(usage: MockUsage) {
  const cacheRead = usage.cacheRead ?? 0;
  const cacheWrite = usage.cacheWrite ?? 0;
  return {
    input_tokens: usage.input - cacheRead - cacheWrite,
    cache_creation_input_tokens: cacheWrite,
    cache_read_input_tokens: cacheRead,
    output_tokens: usage.output,
  };
}

/** A non-streamed Messages answer (`POST /v1/messages` without `stream`). */
export function anthropicMessage(success: MockSuccess, call: ModelCall) {
  return {
    id: call.id,
    type: 'message',
    role: 'assistant',
    model: call.model,
    content: [{ type: 'text', text: success.text }],
    stop_reason: 'end_turn',
    stop_sequence: null,
    usage: anthropicUsage(success.usage),
  };
}

/**
 * A streamed Messages answer: `message_start` carries the input usage (output 1 so far, as Anthropic
 * sends it), then one text block in pieces, then `message_delta` with the stop reason and the final
 * output tokens, then `message_stop`.
 */
export function anthropicMessageEvents(success: MockSuccess, call: ModelCall): SseEvent[] {
  const usage = anthropicUsage(success.usage);
  const event = (type: string, payload: Record<string, unknown>): SseEvent => ({
    event: type,
    data: JSON.stringify({ type, ...payload }),
  });
  return [
    event('message_start', {
      message: {
        ...anthropicMessage(success, call),
        content: [],
        stop_reason: null,
        usage: { ...usage, output_tokens: Math.min(1, usage.output_tokens) },
      },
    }),
    event('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }),
    event('ping', {}),
    ...textPieces(success.text).map((text) =>
      event('content_block_delta', { index: 0, delta: { type: 'text_delta', text } }),
    ),
    event('content_block_stop', { index: 0 }),
    event('message_delta', {
      delta: { stop_reason: 'end_turn', stop_sequence: null },
      usage: { output_tokens: usage.output_tokens },
    }),
    event('message_stop', {}),
  ];
}

/**
 * An error as Anthropic sends it: `{ type: 'error', error: { type, message }, request_id }`. Billing
 * is the 400 `invalid_request_error` about the credit balance that the API returns in practice
 * (Anthropic also documents a 402 `billing_error`).
 */
export function anthropicError(scenario: MockErrorScenario, requestId: string): HttpAnswer {
  const body = (status: number, type: string, message: string, headers: Record<string, string> = {}) => ({
    status,
    headers: { 'request-id': requestId, ...headers },
    body: { type: 'error', error: { type, message }, request_id: requestId },
  });
  switch (scenario.kind) {
    case 'unauthorized':
      return body(401, 'authentication_error', 'invalid x-api-key');
    case 'billing':
      return body(
        400,
        'invalid_request_error',
        'Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.',
      );
    case 'rate-limited':
      return body(
        429,
        'rate_limit_error',
        'This request would exceed the rate limit for your organization. Please try again later.',
        scenario.retryAfterSeconds === undefined ? {} : { 'retry-after': String(scenario.retryAfterSeconds) },
      );
    case 'overloaded':
      return body(529, 'overloaded_error', 'Overloaded');
    case 'server-error':
      return body(500, 'api_error', 'Internal server error');
    case 'bad-request':
      return body(400, 'invalid_request_error', scenario.message ?? 'max_tokens: Field required');
  }
}
