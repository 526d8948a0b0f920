import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { generateText, streamText } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockScenario } from './mock-scenario';
import { sdkFailureOf } from './sdk-failure-of';
import { type MockModelApi, startMockModelApi } from './start-mock-model-api';

let api: MockModelApi;
beforeAll(async () => {
  api = await startMockModelApi();
});
afterAll(() => api.close());

const model = (includeUsage = true) =>
  createOpenAICompatible({ name: 'local', baseURL: `${api.url}/v1`, apiKey: 'local-key-0042', includeUsage })('qwen3');
const success: MockScenario = {
  kind: 'success',
  text: 'The answer is five.',
  usage: { input: 120, output: 9, cacheRead: 100, reasoning: 3 },
};

const failureOf = (scenario: MockScenario) => sdkFailureOf(api, model(), scenario);

describe('the mock’s OpenAI Chat Completions API, read by @ai-sdk/openai-compatible', () => {
  it('answers a call with the text and the usage, cached prompt and reasoning tokens included', async () => {
    api.script(success);
    const result = await generateText({ model: model(), prompt: 'What is 2 + 3?', maxRetries: 0 });

    expect(result.text).toBe('The answer is five.');
    expect(result.usage).toMatchObject({
      inputTokens: 120,
      inputTokenDetails: { cacheReadTokens: 100 },
      outputTokens: 9,
      outputTokenDetails: { reasoningTokens: 3 },
    });
    expect(api.requests.at(-1)).toMatchObject({
      path: '/v1/chat/completions',
      api: 'openai-chat-completions',
      body: { model: 'qwen3', messages: [{ role: 'user', content: 'What is 2 + 3?' }] },
    });
  });

  it('streams delta chunks, and sends the usage chunk only when the request asks for it', async () => {
    api.script(success);
    const withUsage = streamText({ model: model(true), prompt: 'hi', maxRetries: 0 });
    const pieces: string[] = [];
    for await (const piece of withUsage.textStream) pieces.push(piece);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe('The answer is five.');
    expect(await withUsage.usage).toMatchObject({ inputTokens: 120, outputTokens: 9 });
    expect(api.requests.at(-1)?.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });

    const withoutUsage = streamText({ model: model(false), prompt: 'hi', maxRetries: 0 });
    expect(await withoutUsage.text).toBe('The answer is five.');
    expect(await withoutUsage.usage).toMatchObject({ inputTokens: undefined, outputTokens: undefined });
  });

  it('sends each failure with OpenAI’s status', async () => {
    expect(await failureOf({ kind: 'unauthorized' })).toMatchObject({ statusCode: 401, isRetryable: false });
    expect(await failureOf({ kind: 'billing' })).toMatchObject({ statusCode: 429 });
    const limited = await failureOf({ kind: 'rate-limited', retryAfterSeconds: 3 });
    expect(limited).toMatchObject({ statusCode: 429, isRetryable: true, message: expect.stringMatching(/Rate limit/) });
    expect(limited.responseHeaders?.['retry-after']).toBe('3');
    expect(await failureOf({ kind: 'overloaded' })).toMatchObject({ statusCode: 503, isRetryable: true });
    expect(await failureOf({ kind: 'server-error' })).toMatchObject({ statusCode: 500, isRetryable: true });
    expect(await failureOf({ kind: 'bad-request' })).toMatchObject({ statusCode: 400, isRetryable: false });
  });

  it('lists its models at GET /v1/models', async () => {
    const answer = await fetch(`${api.url}/v1/models`);
    expect(await answer.json()).toMatchObject({ object: 'list', data: [{ id: 'mock-model', object: 'model' }] });
  });
});
