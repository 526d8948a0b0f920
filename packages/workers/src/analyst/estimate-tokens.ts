/** Characters per token in the rough estimate: close enough for English text and JSON to size a prompt. */
export const charsPerToken = 4;

/**
 * A rough token count: characters / 4, rounded up. For sizing prompts, not for billing.
 *
 * @example
 * estimateTokens('twelve chars'); // => 3
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / charsPerToken);
}
