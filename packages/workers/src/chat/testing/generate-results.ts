import type { JSONObject, LanguageModelV4GenerateResult, LanguageModelV4Usage } from '@ai-sdk/provider';

/** Token usage as a provider reports it, for scripting `MockLanguageModelV4` answers in tests. */
export function usage(input: number, output: number, raw?: JSONObject): LanguageModelV4Usage {
  return {
    inputTokens: { total: input, noCache: input, cacheRead: undefined, cacheWrite: undefined },
    outputTokens: { total: output, text: output, reasoning: undefined },
    ...(raw === undefined ? {} : { raw }),
  };
}

/** A model answer with text that ends the turn. */
export function textAnswer(text: string, used: LanguageModelV4Usage = usage(10, 5)): LanguageModelV4GenerateResult {
  return {
    content: [{ type: 'text', text }],
    finishReason: { unified: 'stop', raw: 'stop' },
    usage: used,
    warnings: [],
  };
}

/** A model answer that calls tools. */
export function toolCalls(
  calls: ReadonlyArray<{ readonly id: string; readonly toolName: string; readonly input: unknown }>,
  used: LanguageModelV4Usage = usage(10, 5),
): LanguageModelV4GenerateResult {
  return {
    content: calls.map((call) => ({
      type: 'tool-call' as const,
      toolCallId: call.id,
      toolName: call.toolName,
      input: JSON.stringify(call.input),
    })),
    finishReason: { unified: 'tool-calls', raw: 'tool_calls' },
    usage: used,
    warnings: [],
  };
}
