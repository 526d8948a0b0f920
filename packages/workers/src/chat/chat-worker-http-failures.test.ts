import { InfraError } from '@ratchet/runtime';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MockScenario } from '../test/mock-model-api/mock-scenario';
import { type MockModelApi, startMockModelApi } from '../test/mock-model-api/start-mock-model-api';
import { type ChatWorkerConfig, chatWorker } from './chat-worker';
import { attemptInput } from './testing/attempt-input';

const signal = new AbortController().signal;

let api: MockModelApi;
beforeAll(async () => {
  api = await startMockModelApi();
});
afterAll(() => api.close());
afterEach(() => vi.unstubAllEnvs());

/** The InfraError one attempt throws when every model call meets `scenario`; the SDK's retries off. */
async function infraOf(scenario: MockScenario, config: Partial<ChatWorkerConfig> = {}) {
  api.script(scenario);
  const worker = chatWorker({ model: `compat:${api.url}/v1#qwen3`, maxTurns: 1, maxRetries: 0, env: {}, ...config });
  const error = await worker.attempt(attemptInput(), signal).catch((caught: unknown) => caught);
  if (!InfraError.isInstance(error)) throw new Error(`expected an InfraError, got ${String(error)}`);
  const { isRetryable, scope, retryAfterMs, message } = error;
  return { isRetryable, scope, retryAfterMs, message };
}

describe('chatWorker over HTTP: each provider failure is the InfraError the runtime acts on', () => {
  it('401: not retryable, pauses the run, names the variable', async () => {
    const model = `compat:${api.url}/v1#qwen3`;
    expect(await infraOf({ kind: 'unauthorized' })).toEqual({
      isRetryable: false,
      scope: 'run',
      retryAfterMs: undefined,
      message:
        `${model}: the provider refused the API key (HTTP 401): Incorrect API key provided; ` +
        `set RATCHET_COMPAT_API_KEY to a key the endpoint ${api.url}/v1 accepts, then resume the run`,
    });
  });

  it('billing, as Anthropic and as OpenAI say it: not retryable, pauses the run, names the account', async () => {
    vi.stubEnv('ANTHROPIC_BASE_URL', `${api.url}/v1`);
    const anthropic = await infraOf(
      { kind: 'billing' },
      { model: 'anthropic:claude-sonnet-4-0', env: { ANTHROPIC_API_KEY: 'sk-ant-http-0042' } },
    );
    expect(anthropic).toMatchObject({ isRetryable: false, scope: 'run', retryAfterMs: undefined });
    expect(anthropic.message).toMatch(
      /^anthropic:claude-sonnet-4-0: the provider refused for billing \(HTTP 400\): Your credit balance is too low.*; add credit or raise the spend limit of the Anthropic account whose key is in ANTHROPIC_API_KEY, then resume the run$/,
    );

    vi.stubEnv('OPENAI_BASE_URL', `${api.url}/v1`);
    const openai = await infraOf(
      { kind: 'billing' },
      { model: 'openai:gpt-4o', env: { OPENAI_API_KEY: 'sk-openai-http-0042' } },
    );
    // A 429 by status, but an exhausted quota: retrying it cannot help.
    expect(openai).toMatchObject({ isRetryable: false, scope: 'run', retryAfterMs: undefined });
    expect(openai.message).toMatch(/^openai:gpt-4o: the provider refused for billing \(HTTP 429\)/);
  });

  it('429: retryable with the provider’s retry-after, reaches every cell', async () => {
    expect(await infraOf({ kind: 'rate-limited', retryAfterSeconds: 3 })).toMatchObject({
      isRetryable: true,
      scope: 'run',
      retryAfterMs: 3000,
      message: expect.stringMatching(/: rate limited \(HTTP 429\): Rate limit reached for requests/),
    });
  });

  it('500 and an overloaded provider (503, Anthropic’s 529): retryable, reach every cell', async () => {
    expect(await infraOf({ kind: 'server-error' })).toMatchObject({
      isRetryable: true,
      scope: 'run',
      message: expect.stringMatching(/: provider error \(HTTP 500\)/),
    });
    expect(await infraOf({ kind: 'overloaded' })).toMatchObject({
      isRetryable: true,
      scope: 'run',
      message: expect.stringMatching(/: the provider is overloaded \(HTTP 503\)/),
    });
    vi.stubEnv('ANTHROPIC_BASE_URL', `${api.url}/v1`);
    const anthropic = await infraOf(
      { kind: 'overloaded' },
      { model: 'anthropic:claude-sonnet-4-0', env: { ANTHROPIC_API_KEY: 'sk-ant-http-0042' }, maxRetries: 1 },
    );
    expect(anthropic).toMatchObject({ isRetryable: true, scope: 'run' });
    // The SDK retried once before giving up; the message says so.
    expect(anthropic.message).toMatch(/the provider is overloaded \(HTTP 529\): Overloaded \(after 2 tries\)$/);
  });

  it('a dropped connection: retryable, the provider could not be reached', async () => {
    expect(await infraOf({ kind: 'drop' })).toMatchObject({
      isRetryable: true,
      scope: 'run',
      retryAfterMs: undefined,
      message: expect.stringMatching(/: the provider could not be reached: Cannot connect to API: .*check the network/),
    });
  });

  it('a request refused for what it asks: not retryable, names the settings every cell sends', async () => {
    const refused = await infraOf(
      { kind: 'bad-request', message: 'Unrecognized request argument supplied: top_k' },
      { temperature: 0.2 },
    );
    expect(refused).toMatchObject({ isRetryable: false, scope: 'run' });
    expect(refused.message).toMatch(
      /the provider refused the request \(HTTP 400\): Unrecognized request argument supplied: top_k; every cell sends the same request, so check the model name and the settings \(temperature 0\.2\)$/,
    );
  });

  it('an unusable response and a call that hangs past turnTimeoutMs: retryable, stay with the cell', async () => {
    expect(await infraOf({ kind: 'malformed' })).toMatchObject({
      isRetryable: true,
      scope: 'cell',
      message: expect.stringMatching(/: the provider sent an unusable response \(HTTP 200\): Invalid JSON response$/),
    });
    expect(await infraOf({ kind: 'hang' }, { turnTimeoutMs: 200 })).toEqual({
      isRetryable: true,
      scope: 'cell',
      retryAfterMs: undefined,
      message: `compat:${api.url}/v1#qwen3: the call timed out: Step timeout of 200ms exceeded`,
    });
  });
});
