import { WorkerConfigError } from '../worker-config-error';
import type { ModelSpec } from './parse-model-string';

export type Env = Readonly<Record<string, string | undefined>>;

/** The variable each provider's key is read from. A compat endpoint's key is optional (local servers need none). */
export const credentialVariables = {
  openai: 'OPENAI_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
  compat: 'RATCHET_COMPAT_API_KEY',
} as const;

/**
 * The API key for a model, read from `env`; undefined for a compat endpoint without a key.
 *
 * @throws {WorkerConfigError} naming the variable to set when an OpenAI or Anthropic key is missing.
 * @example
 * apiKeyFor(parseModelString('openai:gpt-4o'), { OPENAI_API_KEY: 'sk-…' }); // => 'sk-…'
 */
export function apiKeyFor(spec: ModelSpec, env: Env): string | undefined {
  const variable = credentialVariables[spec.provider];
  const value = env[variable]?.trim();
  if (value) return value;
  if (spec.provider === 'compat') return undefined;
  throw new WorkerConfigError(
    `${spec.provider}:${spec.modelId} needs an API key: set ${variable} in the environment before the run starts`,
  );
}
