import { InfraError } from '@ratchet/runtime';
import { APICallError, RetryError } from 'ai';
import { describe, expect, it } from 'vitest';
import { providerInfraError } from './provider-infra-error';
import { retryAfterMs } from './retry-after-ms';

function apiError(statusCode: number | undefined, headers?: Record<string, string>, isRetryable?: boolean) {
  return new APICallError({
    message: `status ${statusCode}`,
    url: 'https://api.example.com/v1/chat/completions',
    requestBodyValues: {},
    ...(statusCode === undefined ? {} : { statusCode }),
    ...(headers === undefined ? {} : { responseHeaders: headers }),
    ...(isRetryable === undefined ? {} : { isRetryable }),
  });
}

describe('providerInfraError', () => {
  it('makes rate limits, server errors and network failures retryable', () => {
    expect(providerInfraError(apiError(429, { 'retry-after-ms': '1500' }), 'm')).toMatchObject({
      isRetryable: true,
      retryAfterMs: 1500,
    });
    expect(providerInfraError(apiError(503), 'm')).toMatchObject({ isRetryable: true, retryAfterMs: undefined });
    expect(providerInfraError(apiError(408), 'm')?.isRetryable).toBe(true);
    expect(providerInfraError(apiError(undefined, undefined, true), 'm')?.message).toMatch(/could not be reached/);
    const timeout = providerInfraError(new DOMException('Step timeout of 10ms exceeded', 'TimeoutError'), 'm');
    expect(timeout).toMatchObject({ isRetryable: true });
    expect(timeout?.message).toBe('m: the call timed out: Step timeout of 10ms exceeded');
  });

  it('makes a refused request (4xx other than 408, 409, 429) a non-retryable infra error', () => {
    const error = providerInfraError(apiError(401), 'openai:gpt-4o');
    expect(InfraError.isInstance(error)).toBe(true);
    expect(error?.isRetryable).toBe(false);
    expect(error?.message).toMatch(
      /^openai:gpt-4o: the provider refused the request \(HTTP 401\).*check the model name/,
    );
    expect(providerInfraError(apiError(400), 'm')?.isRetryable).toBe(false);
  });

  it('looks through the SDK’s own retries to the last error', () => {
    const exhausted = new RetryError({
      message: 'Failed after 3 attempts',
      reason: 'maxRetriesExceeded',
      errors: [apiError(429), apiError(429), apiError(429, { 'retry-after': '2' })],
    });
    const error = providerInfraError(exhausted, 'm');
    expect(error).toMatchObject({ isRetryable: true, retryAfterMs: 2000 });
    expect(error?.message).toMatch(/\(after 3 tries\)$/);
  });

  it('leaves aborts and everything else to pass through', () => {
    expect(providerInfraError(new DOMException('aborted', 'AbortError'), 'm')).toBeUndefined();
    expect(providerInfraError(new Error('a bug'), 'm')).toBeUndefined();
  });
});

describe('retryAfterMs', () => {
  it('reads milliseconds, seconds and HTTP dates', () => {
    expect(retryAfterMs({ 'retry-after-ms': '250' })).toBe(250);
    expect(retryAfterMs({ 'Retry-After': '7' })).toBe(7000);
    const now = () => Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs({ 'retry-after': 'Thu, 01 Jan 2026 00:00:30 GMT' }, now)).toBe(30_000);
    expect(retryAfterMs({ 'retry-after': 'soon' })).toBeUndefined();
    expect(retryAfterMs(undefined)).toBeUndefined();
  });
});
