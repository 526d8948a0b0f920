import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type MockModelApi, startMockModelApi } from '../test/mock-model-api/start-mock-model-api';
import { chatWorker } from './chat-worker';
import { attemptInput } from './testing/attempt-input';

const signal = new AbortController().signal;
// 120 prompt tokens of which 100 were read from the provider's cache, 10 written to it; 9 completion tokens.
const answer = {
  kind: 'success',
  text: 'The answer is 5.',
  usage: { input: 120, output: 9, cacheRead: 100, cacheWrite: 10 },
} as const;

let api: MockModelApi;
beforeAll(async () => {
  api = await startMockModelApi({ scenarios: answer });
});
afterAll(() => api.close());
afterEach(() => {
  vi.unstubAllEnvs();
  api.script(answer);
});

describe('chatWorker over HTTP, against the mock model API', () => {
  it('calls an OpenAI-compatible endpoint with its key, and prices the cached tokens apart', async () => {
    const key = 'sk-compat-http-0042';
    const guarded = await startMockModelApi({ scenarios: answer, apiKey: key });
    try {
      const worker = chatWorker({
        model: `compat:${guarded.url}/v1#gpt-4o`,
        maxTurns: 2,
        system: 'Be brief.',
        env: { RATCHET_COMPAT_API_KEY: key },
      });
      const result = await worker.attempt(attemptInput(), signal);

      expect(result.output).toBe('The answer is 5.');
      // 20 uncached × $2.50/M + 100 cached × $1.25/M + 9 out × $10/M = $0.000265 (defaultPrices, gpt-4o)
      expect(result.usage).toMatchObject({ turns: 1, tokensIn: 120, tokensOut: 9, costProvenance: 'estimated' });
      expect(result.usage.usd).toBeCloseTo(0.000265, 12);
      expect(guarded.requests).toHaveLength(1);
      expect(guarded.requests[0]).toMatchObject({
        path: '/v1/chat/completions',
        status: 200,
        body: {
          model: 'gpt-4o',
          messages: [
            { role: 'system', content: 'Be brief.' },
            { role: 'user', content: 'What is 2 + 3?' },
          ],
        },
      });
    } finally {
      await guarded.close();
    }
  });

  it('reports the cost of a model the price table does not list as unknown, never 0', async () => {
    const worker = chatWorker({ model: `compat:${api.url}/v1#qwen3`, maxTurns: 1, env: {} });
    const result = await worker.attempt(attemptInput(), signal);

    expect(result.output).toBe('The answer is 5.');
    expect(result.usage).toEqual({ turns: 1, tokensIn: 120, tokensOut: 9, usd: null, costProvenance: 'unknown' });
    expect(result.events[0]?.data).toMatchObject({ tokensIn: 120, tokensOut: 9, usd: null, costProvenance: 'unknown' });
  });

  // The AI SDK's OpenAI and Anthropic providers take their base URL from OPENAI_BASE_URL and
  // ANTHROPIC_BASE_URL in the process environment (the worker's `env` option holds only keys).
  it('calls the OpenAI Responses API at OPENAI_BASE_URL', async () => {
    vi.stubEnv('OPENAI_BASE_URL', `${api.url}/v1`);
    const worker = chatWorker({ model: 'openai:gpt-4o', maxTurns: 1, env: { OPENAI_API_KEY: 'sk-openai-http-0042' } });
    const result = await worker.attempt(attemptInput(), signal);

    expect(result.output).toBe('The answer is 5.');
    // Same tokens and price as above: OpenAI reports cached tokens inside input_tokens.
    expect(result.usage).toMatchObject({ tokensIn: 120, tokensOut: 9, costProvenance: 'estimated' });
    expect(result.usage.usd).toBeCloseTo(0.000265, 12);
    expect(api.requests.at(-1)).toMatchObject({
      path: '/v1/responses',
      body: { model: 'gpt-4o' },
      headers: { authorization: '[masked …0042]' },
    });
  });

  it('calls the Anthropic Messages API at ANTHROPIC_BASE_URL, cache reads and writes counted in the input', async () => {
    vi.stubEnv('ANTHROPIC_BASE_URL', `${api.url}/v1`);
    const worker = chatWorker({
      model: 'anthropic:claude-sonnet-4-0',
      maxTurns: 1,
      env: { ANTHROPIC_API_KEY: 'sk-ant-http-0042' },
    });
    const result = await worker.attempt(attemptInput(), signal);

    expect(result.output).toBe('The answer is 5.');
    // 20 uncached (cache writes at the input price) × $3/M + 100 cached × $0.30/M + 9 out × $15/M = $0.000225
    expect(result.usage).toMatchObject({ tokensIn: 120, tokensOut: 9, costProvenance: 'estimated' });
    expect(result.usage.usd).toBeCloseTo(0.000225, 12);
    expect(api.requests.at(-1)).toMatchObject({
      path: '/v1/messages',
      body: { model: 'claude-sonnet-4-0' },
      headers: { 'x-api-key': '[masked …0042]' },
    });
  });

  it('recovers over HTTP when the SDK’s own retry meets a success after a rate limit', async () => {
    api.script([{ kind: 'rate-limited', retryAfterSeconds: 0 }, answer]);
    const before = api.requests.length;
    const worker = chatWorker({ model: `compat:${api.url}/v1#qwen3`, maxTurns: 1, maxRetries: 1, env: {} });
    const result = await worker.attempt(attemptInput(), signal);

    expect(result.output).toBe('The answer is 5.');
    expect(api.requests.slice(before).map((request) => request.status)).toEqual([429, 200]);
  });
});
