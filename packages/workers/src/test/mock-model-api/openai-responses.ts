import { type ModelCall, type SseEvent, textPieces } from './http-answer';
import type { MockSuccess, MockUsage } from './mock-scenario';

/** The Responses API's usage: `input_tokens` includes the cached ones; `output_tokens` the reasoning. */
export function responsesUsage(usage: MockUsage) {
  return {
    input_tokens: usage.input,
    input_tokens_details: { cached_tokens: usage.cacheRead ?? 0 },
    output_tokens: usage.output,
    output_tokens_details: { reasoning_tokens: usage.reasoning ?? 0 },
    total_tokens: usage.input + usage.output,
  };
}

const messageIdOf = (call: ModelCall) => `msg_${call.id}`;

function outputMessage(success: MockSuccess, call: ModelCall) {
  return {
    id: messageIdOf(call),
    type: 'message',
    status: 'completed',
    role: 'assistant',
    content: [{ type: 'output_text', text: success.text, annotations: [], logprobs: [] }],
  };
}

/** A Responses object (`POST /v1/responses`), as the non-streamed answer and inside stream events. */
export function responseObject(success: MockSuccess | null, call: ModelCall) {
  return {
    id: call.id,
    object: 'response',
    created_at: call.created,
    status: success ? 'completed' : 'in_progress',
    error: null,
    incomplete_details: null,
    model: call.model,
    output: success ? [outputMessage(success, call)] : [],
    parallel_tool_calls: true,
    tool_choice: 'auto',
    tools: [],
    usage: success ? responsesUsage(success.usage) : null,
  };
}

/**
 * A streamed Responses answer: `response.created`, `response.in_progress`, one message item (added,
 * its text part in `response.output_text.delta` pieces, done), then `response.completed` with the
 * usage. Every event has a `sequence_number`; there is no `[DONE]`.
 */
export function responseEvents(success: MockSuccess, call: ModelCall): SseEvent[] {
  let sequence = 0;
  const event = (type: string, payload: Record<string, unknown>): SseEvent => ({
    event: type,
    data: JSON.stringify({ type, sequence_number: sequence++, ...payload }),
  });
  const item = { item_id: messageIdOf(call), output_index: 0 };
  const part = { ...item, content_index: 0 };
  const done = outputMessage(success, call);
  return [
    event('response.created', { response: responseObject(null, call) }),
    event('response.in_progress', { response: responseObject(null, call) }),
    event('response.output_item.added', {
      output_index: 0,
      item: { ...done, status: 'in_progress', content: [] },
    }),
    event('response.content_part.added', {
      ...part,
      part: { type: 'output_text', text: '', annotations: [], logprobs: [] },
    }),
    ...textPieces(success.text).map((delta) => event('response.output_text.delta', { ...part, delta, logprobs: [] })),
    event('response.output_text.done', { ...part, text: success.text, logprobs: [] }),
    event('response.content_part.done', { ...part, part: done.content[0] }),
    event('response.output_item.done', { output_index: 0, item: done }),
    event('response.completed', { response: responseObject(success, call) }),
  ];
}
