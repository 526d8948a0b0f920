import { InfraError } from '@ratchet/runtime';
import { APICallError, EmptyResponseBodyError, InvalidResponseDataError, LoadAPIKeyError, RetryError } from 'ai';
import { parseModelString } from './parse-model-string';
import { credentialVariables } from './provider-credentials';
import { refusalReason } from './refusal-reason';
import { retryAfterMs } from './retry-after-ms';

/** The call's settings that reach the provider, named in the message when the provider refuses them. */
export type ProviderCallSettings = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** The provider's message, short, without a final full stop (the message goes on after it). */
const brief = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}…` : text.replace(/\.\s*$/, ''));

/**
 * The `InfraError` a failed model call stands for, or undefined when the failure is not the harness's
 * (an abort, or anything the agent caused) and should pass through unchanged.
 *
 * Its `scope` answers one question: would every other cell fail the same way? Then it is `run`, and
 * the runtime pauses the run with this message instead of marking cells infra one by one:
 * - a refused or missing key (401, 403) and billing (402, no credit, an exhausted quota): not
 *   retryable, and the message names the variable and the provider to fix;
 * - a rate limit (429, with the provider's retry-after), an overloaded or failing provider (5xx, 529)
 *   and a provider that cannot be reached (no status: refused or reset connections): retryable, so
 *   the run pauses only if it persists;
 * - a request refused for what it asks (400, 404, 422: a bad model name, an unknown parameter): not
 *   retryable, since every cell sends the same model and settings, which the message names.
 *
 * Failures of one call are `cell` scope: an unusable response (an empty body, invalid JSON), a
 * timeout of the call (the step timeout, 408) and 409 are retryable; a request too long for the
 * model's context (413, or a 400 that says so) is not, since repeating it cannot help.
 *
 * @example
 * providerInfraError(new APICallError({ message: 'slow down', statusCode: 429, … }), 'openai:gpt-4o');
 * // => InfraError { isRetryable: true, scope: 'run', retryAfterMs: … }
 */
export function providerInfraError(
  error: unknown,
  model: string,
  settings: ProviderCallSettings = {},
): InfraError | undefined {
  if (RetryError.isInstance(error)) {
    const last = providerInfraError(error.lastError, model, settings);
    if (!last) return undefined;
    const tries = error.errors.length;
    return new InfraError(`${last.message} (after ${tries} tr${tries === 1 ? 'y' : 'ies'})`, {
      isRetryable: last.isRetryable,
      scope: last.scope,
      ...(last.retryAfterMs === undefined ? {} : { retryAfterMs: last.retryAfterMs }),
      cause: error,
    });
  }
  const infra = (message: string, isRetryable: boolean, scope: 'cell' | 'run', retryAfter?: number) =>
    new InfraError(`${model}: ${message}`, {
      isRetryable,
      scope,
      ...(retryAfter === undefined ? {} : { retryAfterMs: retryAfter }),
      cause: error,
    });
  if (APICallError.isInstance(error)) {
    const status = error.statusCode;
    const said = brief(error.message);
    const wait = retryAfterMs(error.responseHeaders);
    if (status === undefined) {
      return infra(`the provider could not be reached: ${said}; check the network and the provider's URL`, true, 'run');
    }
    if (status < 400) return infra(`the provider sent an unusable response (HTTP ${status}): ${said}`, true, 'cell');
    const reason = refusalReason(error);
    if (reason === 'billing') {
      return infra(`the provider refused for billing (HTTP ${status}): ${said}; ${billingFix(model)}`, false, 'run');
    }
    if (reason === 'too-long') {
      return infra(
        `the request is too long for the model (HTTP ${status}): ${said}; this cell's conversation exceeds its context`,
        false,
        'cell',
      );
    }
    if (status === 401 || status === 403) {
      const what = status === 401 ? 'refused the API key' : 'refused access with this API key';
      return infra(`the provider ${what} (HTTP ${status}): ${said}; ${keyFix(model)}`, false, 'run');
    }
    if (status === 429) return infra(`rate limited (HTTP 429): ${said}`, true, 'run', wait);
    if (status >= 500) {
      const what = status === 529 || status === 503 ? 'the provider is overloaded' : 'provider error';
      return infra(`${what} (HTTP ${status}): ${said}`, true, 'run', wait);
    }
    if (status === 408 || status === 409 || error.isRetryable) {
      return infra(`the call failed (HTTP ${status}): ${said}`, true, 'cell', wait);
    }
    return infra(
      `the provider refused the request (HTTP ${status}): ${said}; every cell sends the same request, so check ` +
        `the model name and the settings (${describeSettings(settings)})`,
      false,
      'run',
    );
  }
  if ((error as Error | undefined)?.name === 'TimeoutError') {
    return infra(`the call timed out: ${brief((error as Error).message)}`, true, 'cell');
  }
  if (EmptyResponseBodyError.isInstance(error) || InvalidResponseDataError.isInstance(error)) {
    return infra(`the provider sent an unusable response: ${brief(error.message)}`, true, 'cell');
  }
  if (LoadAPIKeyError.isInstance(error)) return infra(`${brief(error.message)}; ${keyFix(model)}`, false, 'run');
  return undefined;
}

const providerNames = { openai: 'OpenAI', anthropic: 'Anthropic' } as const;

/** Which variable holds the key for a model string, and whose key it is. */
function keyOwner(model: string): { variable: string; provider: string } | undefined {
  try {
    const spec = parseModelString(model);
    const provider = spec.provider === 'compat' ? `the endpoint ${spec.baseURL}` : providerNames[spec.provider];
    return { variable: credentialVariables[spec.provider], provider };
  } catch {
    return undefined;
  }
}

function keyFix(model: string): string {
  const owner = keyOwner(model);
  if (!owner) return 'check the API key, then resume the run';
  return `set ${owner.variable} to a key ${owner.provider} accepts, then resume the run`;
}

function billingFix(model: string): string {
  const owner = keyOwner(model);
  const account = owner ? `the ${owner.provider} account whose key is in ${owner.variable}` : 'the provider account';
  return `add credit or raise the spend limit of ${account}, then resume the run`;
}

function describeSettings(settings: ProviderCallSettings): string {
  const set = Object.entries(settings).filter(([, value]) => value !== undefined && value !== null);
  return set.length === 0 ? 'none set' : set.map(([name, value]) => `${name} ${String(value)}`).join(', ');
}
