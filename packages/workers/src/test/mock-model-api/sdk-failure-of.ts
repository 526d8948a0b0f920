import { APICallError, generateText, type LanguageModel } from 'ai';
import type { MockScenario } from './mock-scenario';
import type { MockModelApi } from './start-mock-model-api';

/**
 * The error a real AI SDK client raises for one scripted failure, with the SDK's own retries off: what
 * the mock's API tests compare against each provider's wire format. Test-only.
 *
 * @throws {Error} when the call does not fail with an `APICallError`.
 */
export async function sdkFailureOf(
  api: MockModelApi,
  model: LanguageModel,
  scenario: MockScenario,
): Promise<APICallError> {
  api.script(scenario);
  const error = await generateText({ model, prompt: 'hi', maxRetries: 0 }).catch((caught: unknown) => caught);
  if (!APICallError.isInstance(error)) throw new Error(`expected an APICallError, got ${String(error)}`);
  return error;
}
