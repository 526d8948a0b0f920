import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModelV4 } from '@ai-sdk/provider';
import { parseModelString } from './parse-model-string';
import { apiKeyFor, type Env } from './provider-credentials';

export interface ResolveModelOptions {
  /** Where keys are read from; defaults to `process.env`. */
  env?: Env;
  /** The fetch the provider uses; inject one in tests, or to route through a proxy. */
  fetch?: typeof globalThis.fetch;
}

/**
 * Turns a model string into an AI SDK language model: `openai:<model>` (OpenAI Responses API),
 * `anthropic:<model>`, or `compat:<base URL>#<model>` for any OpenAI-compatible chat endpoint.
 * Credentials are checked here, so a missing key fails before any run starts rather than on the
 * first call; `preflightModel` also checks that a compat endpoint answers.
 *
 * @throws {WorkerConfigError} for a malformed model string or a missing key, naming what to fix.
 * @example
 * const model = resolveModel('compat:http://localhost:11434/v1#qwen3');
 */
export function resolveModel(modelString: string, options: ResolveModelOptions = {}): LanguageModelV4 {
  const spec = parseModelString(modelString);
  const apiKey = apiKeyFor(spec, options.env ?? process.env);
  const fetch = options.fetch ? { fetch: options.fetch } : {};
  const key = apiKey === undefined ? {} : { apiKey };
  switch (spec.provider) {
    case 'openai':
      return createOpenAI({ ...key, ...fetch })(spec.modelId);
    case 'anthropic':
      return createAnthropic({ ...key, ...fetch })(spec.modelId);
    case 'compat':
      // `includeUsage` asks the server for token counts, which most OpenAI-compatible servers report.
      return createOpenAICompatible({ name: 'compat', baseURL: spec.baseURL, includeUsage: true, ...key, ...fetch })(
        spec.modelId,
      );
  }
}
