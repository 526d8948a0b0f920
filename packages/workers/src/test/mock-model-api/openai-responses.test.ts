import { createOpenAI } from '@ai-sdk/openai';
import { generateText, streamText } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockScenario } from './mock-scenario';
import { maskSecret } from './recorded-request';
import { sdkFailureOf } from './sdk-failure-of';
import { type MockModelApi, startMockModelApi } from './start-mock-model-api';

let api: MockModelApi;
beforeAll(async () => {
  api = await startMockModelApi();
});
afterAll(() => api.close());

const key = 'sk-test-openai-0042';
const model = () => createOpenAI({ baseURL: `${api.url}/v1`, apiKey: key }).responses('gpt-4o');
const success: MockScenario = {
  kind: 'success',
  text: 'The answer is five.',
  usage: { input: 120, output: 9, cacheRead: 100, reasoning: 3 },
};

const failureOf = (scenario: MockScenario) => sdkFailureOf(api, model(), scenario);

describe('the mock’s OpenAI Responses API, read by @ai-sdk/openai', () => {
  it('answers a call with the text and the usage, cached input and reasoning output included', async () => {
    api.script(success);
    const result = await generateText({ model: model(), prompt: 'What is 2 + 3?', maxRetries: 0 });

    expect(result.text).toBe('The answer is five.');
    expect(result.usage).toMatchObject({
      inputTokens: 120,
      inputTokenDetails: { noCacheTokens: 20, cacheReadTokens: 100 },
      outputTokens: 9,
      outputTokenDetails: { textTokens: 6, reasoningTokens: 3 },
    });
    const request = api.requests.at(-1);
    expect(request).toMatchObject({ method: 'POST', path: '/v1/responses', api: 'openai-responses', status: 200 });
    expect(request?.body).toMatchObject({ model: 'gpt-4o' });
    expect(request?.headers.authorization).toBe(maskSecret(`Bearer ${key}`));
  });

  it('streams the text as output_text deltas and ends with response.completed and its usage', async () => {
    api.script(success);
    const result = streamText({ model: model(), prompt: 'What is 2 + 3?', maxRetries: 0 });
    const pieces: string[] = [];
    for await (const piece of result.textStream) pieces.push(piece);

    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe('The answer is five.');
    expect(await result.usage).toMatchObject({
      inputTokens: 120,
      inputTokenDetails: { cacheReadTokens: 100 },
      outputTokens: 9,
      outputTokenDetails: { reasoningTokens: 3 },
    });
    expect(await result.finishReason).toBe('stop');
  });

  it('sends each failure with OpenAI’s status and error code', async () => {
    const unauthorized = await failureOf({ kind: 'unauthorized' });
    expect(unauthorized).toMatchObject({ statusCode: 401, isRetryable: false });
    expect(JSON.parse(unauthorized.responseBody ?? '')).toMatchObject({ error: { code: 'invalid_api_key' } });

    // OpenAI reports an exhausted quota as a 429 that only its code tells apart from a rate limit.
    const billing = await failureOf({ kind: 'billing' });
    expect(billing).toMatchObject({ statusCode: 429 });
    expect(JSON.parse(billing.responseBody ?? '')).toMatchObject({
      error: { type: 'insufficient_quota', code: 'insufficient_quota' },
    });

    const limited = await failureOf({ kind: 'rate-limited', retryAfterSeconds: 2 });
    expect(limited).toMatchObject({ statusCode: 429, isRetryable: true });
    expect(limited.responseHeaders?.['retry-after']).toBe('2');
    expect(JSON.parse(limited.responseBody ?? '')).toMatchObject({ error: { code: 'rate_limit_exceeded' } });

    expect(await failureOf({ kind: 'overloaded' })).toMatchObject({ statusCode: 503, isRetryable: true });
    expect(await failureOf({ kind: 'server-error' })).toMatchObject({ statusCode: 500, isRetryable: true });
    expect(await failureOf({ kind: 'bad-request' })).toMatchObject({ statusCode: 400, isRetryable: false });
  });
});
