import { createAnthropic } from '@ai-sdk/anthropic';
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

const key = 'sk-ant-test-key-0042';
const model = () => createAnthropic({ baseURL: `${api.url}/v1`, apiKey: key })('claude-sonnet-4-0');
const success: MockScenario = {
  kind: 'success',
  text: 'The answer is five.',
  usage: { input: 120, output: 9, cacheRead: 100, cacheWrite: 15 },
};

const failureOf = (scenario: MockScenario) => sdkFailureOf(api, model(), scenario);

describe('the mock’s Anthropic Messages API, read by @ai-sdk/anthropic', () => {
  it('answers a call with the text and the usage, cached tokens counted in the input', async () => {
    api.script(success);
    const result = await generateText({ model: model(), prompt: 'What is 2 + 3?', maxRetries: 0 });

    expect(result.text).toBe('The answer is five.');
    expect(result.usage).toMatchObject({
      inputTokens: 120,
      inputTokenDetails: { noCacheTokens: 5, cacheReadTokens: 100, cacheWriteTokens: 15 },
      outputTokens: 9,
    });
    const request = api.requests.at(-1);
    expect(request).toMatchObject({ method: 'POST', path: '/v1/messages', api: 'anthropic-messages', status: 200 });
    expect(request?.body).toMatchObject({ model: 'claude-sonnet-4-0' });
    expect(request?.headers['x-api-key']).toBe(maskSecret(key));
    expect(request?.headers['anthropic-version']).toBe('2023-06-01');
  });

  it('streams the text in pieces, with the input usage first and the output usage last', async () => {
    api.script(success);
    const result = streamText({ model: model(), prompt: 'What is 2 + 3?', maxRetries: 0 });
    const pieces: string[] = [];
    for await (const piece of result.textStream) pieces.push(piece);

    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe('The answer is five.');
    expect(await result.usage).toMatchObject({
      inputTokens: 120,
      inputTokenDetails: { cacheReadTokens: 100, cacheWriteTokens: 15 },
      outputTokens: 9,
    });
    expect(await result.finishReason).toBe('stop');
    expect(api.requests.at(-1)?.body).toMatchObject({ stream: true });
  });

  it('sends each failure with Anthropic’s status and error type', async () => {
    const unauthorized = await failureOf({ kind: 'unauthorized' });
    expect(unauthorized).toMatchObject({ statusCode: 401, isRetryable: false });
    expect(JSON.parse(unauthorized.responseBody ?? '')).toMatchObject({
      type: 'error',
      error: { type: 'authentication_error' },
    });

    const billing = await failureOf({ kind: 'billing' });
    expect(billing).toMatchObject({ statusCode: 400, isRetryable: false });
    expect(billing.message).toMatch(/credit balance is too low/);

    const limited = await failureOf({ kind: 'rate-limited', retryAfterSeconds: 7 });
    expect(limited).toMatchObject({ statusCode: 429, isRetryable: true });
    expect(limited.responseHeaders?.['retry-after']).toBe('7');

    expect(await failureOf({ kind: 'overloaded' })).toMatchObject({ statusCode: 529, isRetryable: true });
    expect(await failureOf({ kind: 'server-error' })).toMatchObject({ statusCode: 500, isRetryable: true });
    const refused = await failureOf({ kind: 'bad-request', message: 'model: claude-nonexistent' });
    expect(refused).toMatchObject({ statusCode: 400, isRetryable: false, message: 'model: claude-nonexistent' });
  });

  it('tolerates the ?beta=true query Claude Code sends, and counts tokens', async () => {
    api.script(success);
    const answer = await fetch(`${api.url}/v1/messages?beta=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key, 'anthropic-version': '2023-06-01' },
      body: JSON.stringify({ model: 'claude-sonnet-4-0', max_tokens: 64, messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(await answer.json()).toMatchObject({ type: 'message', content: [{ type: 'text', text: success.text }] });
    expect(api.requests.at(-1)?.query).toEqual({ beta: 'true' });

    const counted = await fetch(`${api.url}/v1/messages/count_tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify({ model: 'claude-sonnet-4-0', messages: [{ role: 'user', content: 'a'.repeat(400) }] }),
    });
    // The estimate is the body's characters / 4: at least the 100 the 400-character message accounts for.
    expect(((await counted.json()) as { input_tokens: number }).input_tokens).toBeGreaterThanOrEqual(100);
    expect(api.requests.at(-1)).toMatchObject({ api: 'anthropic-count-tokens', scenario: null, status: 200 });
  });
});
