import { InfraError } from '@ratchet/runtime';
import { APICallError, EmptyResponseBodyError, InvalidResponseDataError, LoadAPIKeyError, RetryError } from 'ai';
import { retryAfterMs } from './retry-after-ms';

const brief = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}…` : text);

/**
 * The `InfraError` a failed model call stands for, or undefined when the failure is not the harness's
 * (an abort, or anything the agent caused) and should pass through unchanged.
 *
 * - rate limits (429), server errors (5xx), 408/409, timeouts, network failures and unusable response
 *   bodies are retryable, with the provider's retry-after when it sent one;
 * - any other 4xx (a bad key, an unknown model, a request the provider refuses) is not retryable:
 *   repeating it cannot help, and it says nothing about the agent, so the cell is marked `infra`
 *   rather than scored as the agent's failure.
 *
 * @example
 * providerInfraError(new APICallError({ message: 'slow down', statusCode: 429, … }), 'openai:gpt-4o');
 * // => InfraError { isRetryable: true, retryAfterMs: … }
 */
export function providerInfraError(error: unknown, model: string): InfraError | undefined {
  if (RetryError.isInstance(error)) {
    const last = providerInfraError(error.lastError, model);
    if (!last) return undefined;
    const tries = error.errors.length;
    return new InfraError(`${last.message} (after ${tries} tr${tries === 1 ? 'y' : 'ies'})`, {
      isRetryable: last.isRetryable,
      ...(last.retryAfterMs === undefined ? {} : { retryAfterMs: last.retryAfterMs }),
      cause: error,
    });
  }
  if (APICallError.isInstance(error)) {
    const status = error.statusCode;
    const wait = retryAfterMs(error.responseHeaders);
    const retryAfter = wait === undefined ? {} : { retryAfterMs: wait };
    if (status === undefined) {
      return new InfraError(`${model}: the provider could not be reached: ${brief(error.message)}`, {
        isRetryable: true,
        cause: error,
      });
    }
    if (status === 429) {
      return new InfraError(`${model}: rate limited (HTTP 429): ${brief(error.message)}`, {
        isRetryable: true,
        ...retryAfter,
        cause: error,
      });
    }
    if (status >= 500 || status === 408 || status === 409 || error.isRetryable) {
      return new InfraError(`${model}: provider error (HTTP ${status}): ${brief(error.message)}`, {
        isRetryable: true,
        ...retryAfter,
        cause: error,
      });
    }
    return new InfraError(
      `${model}: the provider refused the request (HTTP ${status}): ${brief(error.message)}; ` +
        'check the model name, the API key and the worker settings',
      { isRetryable: false, cause: error },
    );
  }
  if ((error as Error | undefined)?.name === 'TimeoutError') {
    return new InfraError(`${model}: the call timed out: ${brief((error as Error).message)}`, {
      isRetryable: true,
      cause: error,
    });
  }
  if (EmptyResponseBodyError.isInstance(error) || InvalidResponseDataError.isInstance(error)) {
    return new InfraError(`${model}: the provider sent an unusable response: ${brief(error.message)}`, {
      isRetryable: true,
      cause: error,
    });
  }
  if (LoadAPIKeyError.isInstance(error)) {
    return new InfraError(`${model}: ${brief(error.message)}`, { isRetryable: false, cause: error });
  }
  return undefined;
}
