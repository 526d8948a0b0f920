import { WorkerConfigError } from '../worker-config-error';

/** A model string taken apart: which provider, which model, and for `compat` the endpoint. */
export type ModelSpec =
  | { readonly provider: 'openai' | 'anthropic'; readonly modelId: string }
  | { readonly provider: 'compat'; readonly modelId: string; readonly baseURL: string };

const expectedForms =
  'expected openai:<model> (openai:gpt-4o), anthropic:<model> (anthropic:claude-sonnet-4-0) or ' +
  'compat:<base URL>#<model> (compat:http://localhost:11434/v1#qwen3)';

/**
 * Reads a model string: `openai:<model>`, `anthropic:<model>`, or `compat:<base URL>#<model>` for any
 * OpenAI-compatible endpoint (Ollama, vLLM, llama.cpp server, OpenRouter).
 *
 * @throws {WorkerConfigError} saying the expected forms and what was received.
 * @example
 * parseModelString('compat:http://localhost:11434/v1#qwen3');
 * // => { provider: 'compat', baseURL: 'http://localhost:11434/v1', modelId: 'qwen3' }
 */
export function parseModelString(modelString: string): ModelSpec {
  const fail = (why: string): never => {
    const shown = modelString.length > 120 ? `${modelString.slice(0, 120)}…` : modelString;
    throw new WorkerConfigError(`model string "${shown}" ${why}; ${expectedForms}`);
  };
  const colon = modelString.indexOf(':');
  if (colon < 0) return fail('has no provider prefix');
  const provider = modelString.slice(0, colon);
  const rest = modelString.slice(colon + 1).trim();
  if (provider === 'openai' || provider === 'anthropic') {
    if (!/^[\w.:/-]+$/.test(rest)) return fail('has no valid model name after the prefix');
    return { provider, modelId: rest };
  }
  if (provider !== 'compat') return fail(`names an unknown provider "${provider}"`);
  const hash = rest.lastIndexOf('#');
  const baseURL = hash < 0 ? '' : rest.slice(0, hash).replace(/\/+$/, '');
  const modelId = hash < 0 ? '' : rest.slice(hash + 1).trim();
  if (!modelId) return fail('has no #<model> after the endpoint');
  let url: URL;
  try {
    url = new URL(baseURL);
  } catch {
    return fail('has no valid http(s) base URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail('has no valid http(s) base URL');
  return { provider: 'compat', baseURL, modelId };
}
