import { WorkerConfigError } from '../worker-config-error';
import { type ModelSpec, parseModelString } from './parse-model-string';
import { apiKeyFor, credentialVariables, type Env } from './provider-credentials';

export interface PreflightOptions {
  /** Where keys are read from; defaults to `process.env`. */
  env?: Env;
  /** The fetch used to reach a compat endpoint; inject a fake in tests. */
  fetch?: typeof globalThis.fetch;
  /** How long a compat endpoint may take to answer; default 5 s. */
  timeoutMs?: number;
}

/**
 * Checks, before any run starts, that a model can be called: the string parses, the provider's key is
 * set, and a compat endpoint answers a GET on `<base URL>/models` (and accepts the key, if one is
 * set). OpenAI and Anthropic are not contacted: their key is checked by the first call.
 *
 * @throws {WorkerConfigError} naming the variable to set or the URL that did not answer.
 * @example
 * await preflightModel('compat:http://localhost:11434/v1#qwen3'); // throws if Ollama is not running
 */
export async function preflightModel(modelString: string, options: PreflightOptions = {}): Promise<ModelSpec> {
  const spec = parseModelString(modelString);
  const apiKey = apiKeyFor(spec, options.env ?? process.env);
  if (spec.provider !== 'compat') return spec;
  const url = `${spec.baseURL}/models`;
  const fetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 5000;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'GET',
      headers: apiKey === undefined ? {} : { authorization: `Bearer ${apiKey}` },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (cause) {
    const why =
      (cause as Error)?.name === 'TimeoutError' ? `did not answer within ${timeoutMs} ms` : 'could not be reached';
    throw new WorkerConfigError(
      `${modelString}: the endpoint ${url} ${why}; start the server (e.g. \`ollama serve\`) or fix the base URL`,
      { cause },
    );
  }
  await response.body?.cancel();
  // Any other status means the server is up; some servers do not implement /models at all.
  if (response.status === 401 || response.status === 403) {
    throw new WorkerConfigError(
      `${modelString}: the endpoint ${url} refused the request (HTTP ${response.status}); ` +
        `set ${credentialVariables.compat} to a key it accepts`,
    );
  }
  return spec;
}
