import { InfraError } from '@ratchet/runtime';
import { APICallError, EmptyResponseBodyError, LoadAPIKeyError, RetryError } from 'ai';
import { describe, expect, it } from 'vitest';
import { type ProviderCallSettings, providerInfraError } from './provider-infra-error';
import { retryAfterMs } from './retry-after-ms';

function apiError(
  statusCode: number | undefined,
  options: { message?: string; headers?: Record<string, string>; body?: string; isRetryable?: boolean } = {},
) {
  return new APICallError({
    message: options.message ?? `status ${statusCode}`,
    url: 'https://api.example.com/v1/chat/completions',
    requestBodyValues: {},
    ...(statusCode === undefined ? {} : { statusCode }),
    ...(options.headers === undefined ? {} : { responseHeaders: options.headers }),
    ...(options.body === undefined ? {} : { responseBody: options.body }),
    ...(options.isRetryable === undefined ? {} : { isRetryable: options.isRetryable }),
  });
}

/** What the runtime acts on: the fields of the InfraError, or undefined when the error passes through. */
function classified(error: unknown, model = 'm', settings?: ProviderCallSettings) {
  const infra = providerInfraError(error, model, settings);
  if (infra === undefined) return undefined;
  expect(InfraError.isInstance(infra)).toBe(true);
  const { isRetryable, scope, retryAfterMs, message } = infra;
  return { isRetryable, scope, retryAfterMs, message };
}

describe('providerInfraError: failures every cell would share pause the run (scope run)', () => {
  it('a refused key is not retryable, and says which variable to set for which provider', () => {
    expect(classified(apiError(401, { message: 'Incorrect API key provided.' }), 'openai:gpt-4o')).toEqual({
      isRetryable: false,
      scope: 'run',
      retryAfterMs: undefined,
      message:
        'openai:gpt-4o: the provider refused the API key (HTTP 401): Incorrect API key provided; ' +
        'set OPENAI_API_KEY to a key OpenAI accepts, then resume the run',
    });
    expect(classified(apiError(403, { message: 'no access to claude-opus' }), 'anthropic:claude-opus-4-0')).toEqual({
      isRetryable: false,
      scope: 'run',
      retryAfterMs: undefined,
      message:
        'anthropic:claude-opus-4-0: the provider refused access with this API key (HTTP 403): no access to ' +
        'claude-opus; set ANTHROPIC_API_KEY to a key Anthropic accepts, then resume the run',
    });
    expect(classified(apiError(401), 'compat:http://localhost:8000/v1#qwen3')?.message).toMatch(
      /set RATCHET_COMPAT_API_KEY to a key the endpoint http:\/\/localhost:8000\/v1 accepts, then resume the run$/,
    );
  });

  it('a missing key is not retryable either', () => {
    const missing = new LoadAPIKeyError({ message: 'OpenAI API key is missing.' });
    expect(classified(missing, 'openai:gpt-4o')).toEqual({
      isRetryable: false,
      scope: 'run',
      retryAfterMs: undefined,
      message:
        'openai:gpt-4o: OpenAI API key is missing; set OPENAI_API_KEY to a key OpenAI accepts, then resume the run',
    });
  });

  it('billing is not retryable, whichever way the provider says it, and names the account to top up', () => {
    const anthropic = apiError(400, {
      message: 'Your credit balance is too low to access the Anthropic API.',
      body: '{"type":"error","error":{"type":"invalid_request_error","message":"Your credit balance is too low"}}',
    });
    expect(classified(anthropic, 'anthropic:claude-sonnet-4-0')).toEqual({
      isRetryable: false,
      scope: 'run',
      retryAfterMs: undefined,
      message:
        'anthropic:claude-sonnet-4-0: the provider refused for billing (HTTP 400): Your credit balance is too low ' +
        'to access the Anthropic API; add credit or raise the spend limit of the Anthropic account whose key is ' +
        'in ANTHROPIC_API_KEY, then resume the run',
    });
    // OpenAI's exhausted quota is a 429 that must not be retried as a rate limit.
    const quota = apiError(429, {
      message: 'You exceeded your current quota, please check your plan and billing details.',
      headers: { 'retry-after': '20' },
      body: '{"error":{"type":"insufficient_quota","code":"insufficient_quota"}}',
    });
    expect(classified(quota, 'openai:gpt-4o')).toMatchObject({
      isRetryable: false,
      scope: 'run',
      retryAfterMs: undefined,
    });
    expect(classified(apiError(402, { message: 'Insufficient credits' }))).toMatchObject({
      isRetryable: false,
      scope: 'run',
      message: expect.stringMatching(/^m: the provider refused for billing \(HTTP 402\).*the provider account/),
    });
  });

  it('a rate limit is retryable and carries the provider’s retry-after', () => {
    expect(classified(apiError(429, { message: 'slow down', headers: { 'retry-after-ms': '1500' } }))).toEqual({
      isRetryable: true,
      scope: 'run',
      retryAfterMs: 1500,
      message: 'm: rate limited (HTTP 429): slow down',
    });
    expect(classified(apiError(429))?.retryAfterMs).toBeUndefined();
  });

  it('an overloaded or failing provider is retryable', () => {
    expect(classified(apiError(529, { message: 'Overloaded' }))).toEqual({
      isRetryable: true,
      scope: 'run',
      retryAfterMs: undefined,
      message: 'm: the provider is overloaded (HTTP 529): Overloaded',
    });
    expect(classified(apiError(503, { headers: { 'retry-after': '4' } }))).toMatchObject({
      isRetryable: true,
      scope: 'run',
      retryAfterMs: 4000,
    });
    expect(classified(apiError(500, { message: 'Internal server error' }))).toEqual({
      isRetryable: true,
      scope: 'run',
      retryAfterMs: undefined,
      message: 'm: provider error (HTTP 500): Internal server error',
    });
  });

  it('a provider that cannot be reached is retryable', () => {
    const refused = apiError(undefined, { message: 'Cannot connect to API: connect ECONNREFUSED', isRetryable: true });
    expect(classified(refused)).toEqual({
      isRetryable: true,
      scope: 'run',
      retryAfterMs: undefined,
      message:
        "m: the provider could not be reached: Cannot connect to API: connect ECONNREFUSED; check the network and the provider's URL",
    });
  });

  it('a request refused for what it asks is not retryable, and names the settings every cell sends', () => {
    const unknownModel = apiError(404, { message: 'The model `gpt-5-nano-x` does not exist' });
    expect(classified(unknownModel, 'openai:gpt-5-nano-x', { temperature: 0.7, maxOutputTokens: 512 })).toEqual({
      isRetryable: false,
      scope: 'run',
      retryAfterMs: undefined,
      message:
        'openai:gpt-5-nano-x: the provider refused the request (HTTP 404): The model `gpt-5-nano-x` does not exist; ' +
        'every cell sends the same request, so check the model name and the settings (temperature 0.7, maxOutputTokens 512)',
    });
    expect(classified(apiError(400), 'm', { temperature: undefined })?.message).toMatch(/the settings \(none set\)$/);
    expect(classified(apiError(422))).toMatchObject({ isRetryable: false, scope: 'run' });
  });
});

describe('providerInfraError: failures of one call stay with the cell (scope cell)', () => {
  it('an unusable response is retryable', () => {
    expect(classified(apiError(200, { message: 'Invalid JSON response' }))).toEqual({
      isRetryable: true,
      scope: 'cell',
      retryAfterMs: undefined,
      message: 'm: the provider sent an unusable response (HTTP 200): Invalid JSON response',
    });
    expect(classified(new EmptyResponseBodyError({}))).toMatchObject({ isRetryable: true, scope: 'cell' });
  });

  it('a call that timed out is retryable', () => {
    const timeout = new DOMException('Step timeout of 10ms exceeded', 'TimeoutError');
    expect(classified(timeout)).toEqual({
      isRetryable: true,
      scope: 'cell',
      retryAfterMs: undefined,
      message: 'm: the call timed out: Step timeout of 10ms exceeded',
    });
    expect(classified(apiError(408))).toMatchObject({ isRetryable: true, scope: 'cell' });
    expect(classified(apiError(409, { headers: { 'retry-after': '1' } }))).toMatchObject({
      isRetryable: true,
      scope: 'cell',
      retryAfterMs: 1000,
    });
  });

  it('a request too long for the model’s context is not retryable, and pauses nothing', () => {
    const tooLong = apiError(400, { message: 'prompt is too long: 210000 tokens > 200000 maximum' });
    expect(classified(tooLong)).toEqual({
      isRetryable: false,
      scope: 'cell',
      retryAfterMs: undefined,
      message:
        "m: the request is too long for the model (HTTP 400): prompt is too long: 210000 tokens > 200000 maximum; this cell's conversation exceeds its context",
    });
    expect(classified(apiError(413))).toMatchObject({ isRetryable: false, scope: 'cell' });
  });
});

describe('providerInfraError: retries and what passes through', () => {
  it('looks through the SDK’s own retries to the last error, keeping its scope', () => {
    const exhausted = new RetryError({
      message: 'Failed after 3 attempts',
      reason: 'maxRetriesExceeded',
      errors: [apiError(429), apiError(429), apiError(429, { headers: { 'retry-after': '2' } })],
    });
    expect(classified(exhausted)).toEqual({
      isRetryable: true,
      scope: 'run',
      retryAfterMs: 2000,
      message: 'm: rate limited (HTTP 429): status 429 (after 3 tries)',
    });
    const timedOut = new RetryError({ message: 'x', reason: 'maxRetriesExceeded', errors: [apiError(408)] });
    expect(classified(timedOut)).toMatchObject({
      scope: 'cell',
      message: 'm: the call failed (HTTP 408): status 408 (after 1 try)',
    });
  });

  it('leaves aborts and everything else to pass through', () => {
    expect(classified(new DOMException('aborted', 'AbortError'))).toBeUndefined();
    expect(classified(new Error('a bug'))).toBeUndefined();
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
