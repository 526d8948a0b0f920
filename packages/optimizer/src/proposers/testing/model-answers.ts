import type { MockLanguageModelV4 } from 'ai/test';

/** What a mock model's `doGenerate` returns (the provider's result type, without importing the provider package). */
export type GenerateResult = Awaited<ReturnType<MockLanguageModelV4['doGenerate']>>;
type Usage = GenerateResult['usage'];

/** Token usage as a provider reports it; `undefined` counts: the provider did not say. */
export function usage(input: number | undefined, output: number | undefined): Usage {
  return {
    inputTokens: { total: input, noCache: input, cacheRead: undefined, cacheWrite: undefined },
    outputTokens: { total: output, text: output, reasoning: undefined },
  };
}

/** A model answer with text, ending as `finish` says (`length`: cut off at the token limit). */
export function answer(
  text: string,
  used: Usage = usage(1000, 200),
  finish: 'stop' | 'length' = 'stop',
): GenerateResult {
  return {
    content: [{ type: 'text', text }],
    finishReason: { unified: finish, raw: finish },
    usage: used,
    warnings: [],
  };
}

/** The text of the single user message a mock model was sent on its first call. */
export function promptOf(model: MockLanguageModelV4): string {
  const message = model.doGenerateCalls[0]?.prompt[0];
  if (message?.role !== 'user') throw new Error('expected one user message');
  return message.content.map((part) => (part.type === 'text' ? part.text : '')).join('');
}
