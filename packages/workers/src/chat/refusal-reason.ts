import type { APICallError } from 'ai';

// Providers say "billing" in different words: Anthropic a 400 about the credit balance or the
// workspace's API usage limits (or a 402 `billing_error`), OpenAI a 429 `insufficient_quota`,
// OpenRouter a 402, and spend limits a 400 or 429.
const billingWords =
  /insufficient_quota|billing_error|credit balance|exceeded your current quota|spend(?:ing)? limit|api usage limits|payment required|insufficient (?:credits|funds|balance)/i;
const contextWords =
  /context_length_exceeded|prompt is too long|maximum context length|context (?:window|length)|input is too long/i;

/**
 * Why a provider refused a call, when its answer says so: `billing` (no credit, an exhausted quota, a
 * spend limit) or `too-long` (the request does not fit the model's context); undefined otherwise. Only
 * 4xx answers are read; the provider's own error text is matched, never the prompt.
 *
 * @example
 * refusalReason(new APICallError({ statusCode: 429, responseBody: '{"error":{"code":"insufficient_quota"}}', … }));
 * // => 'billing'
 */
export function refusalReason(error: APICallError): 'billing' | 'too-long' | undefined {
  const status = error.statusCode;
  if (status === undefined || status < 400 || status >= 500) return undefined;
  if (status === 402) return 'billing';
  if (status === 413) return 'too-long';
  const said = `${error.message}\n${error.responseBody ?? ''}`;
  if (billingWords.test(said)) return 'billing';
  if (status === 400 && contextWords.test(said)) return 'too-long';
  return undefined;
}
