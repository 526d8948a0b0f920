import { type ModelCall, type SseEvent, textPieces } from './http-answer';
import type { MockSuccess, MockUsage } from './mock-scenario';

/** Chat Completions usage: `prompt_tokens` includes the cached ones; `completion_tokens` the reasoning. */
export function chatUsage(usage: MockUsage) {
  return {
    prompt_tokens: usage.input,
    completion_tokens: usage.output,
    total_tokens: usage.input + usage.output,
    prompt_tokens_details: { cached_tokens: usage.cacheRead ?? 0 },
    completion_tokens_details: { reasoning_tokens: usage.reasoning ?? 0 },
  };
}

/** A non-streamed completion (`POST /v1/chat/completions`). */
export function chatCompletion(success: MockSuccess, call: ModelCall) {
  return {
    id: call.id,
    object: 'chat.completion',
    created: call.created,
    model: call.model,
    choices: [
      { index: 0, message: { role: 'assistant', content: success.text }, logprobs: null, finish_reason: 'stop' },
    ],
    usage: chatUsage(success.usage),
  };
}

/**
 * A streamed completion: a first chunk with the role, the text in `delta.content` pieces, a chunk with
 * `finish_reason`, then (only when the request asked with `stream_options.include_usage`) a chunk with
 * no choices and the usage, then `[DONE]`.
 */
export function chatCompletionEvents(success: MockSuccess, call: ModelCall, includeUsage: boolean): SseEvent[] {
  const chunk = (choices: unknown[], extra: Record<string, unknown> = {}): SseEvent => ({
    data: JSON.stringify({
      id: call.id,
      object: 'chat.completion.chunk',
      created: call.created,
      model: call.model,
      choices,
      ...extra,
    }),
  });
  const delta = (value: Record<string, unknown>, finish: string | null = null) => ({
    index: 0,
    delta: value,
    logprobs: null,
    finish_reason: finish,
  });
  return [
    chunk([delta({ role: 'assistant', content: '' })]),
    ...textPieces(success.text).map((content) => chunk([delta({ content })])),
    chunk([delta({}, 'stop')]),
    ...(includeUsage ? [chunk([], { usage: chatUsage(success.usage) })] : []),
    { data: '[DONE]' },
  ];
}
