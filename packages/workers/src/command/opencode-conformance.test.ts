import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AttemptResult } from '@ratchet/runtime';
import { describe, expect, it, onTestFinished } from 'vitest';
import { type MockScenario, startMockModelApi } from '../test';
import { attemptInput, installedCli, isolatedHomeEnv, makeWorkDir, never } from './command-test-helpers';
import { commandWorker } from './command-worker';
import { opencode } from './opencode';
import type { PresetOptions } from './preset-options';

// The opencode preset end to end: the installed opencode 1.18.33, in a home of its own, pointed at the
// mock model API by a provider in OPENCODE_CONFIG_CONTENT, one test per way its provider can answer.
// opencode retries a failed call 5 times over about 75 s, and no setting shortens that, so the tests
// of failures it retries end at a short time limit, while it retries: what Ratchet records for the
// failure opencode finally reports is tested on the recordings (opencode.test.ts).

const apiKey = 'sk-mock-opencode';
const credentialsFix =
  "run `opencode auth login`, set the provider's key (e.g. ANTHROPIC_API_KEY, OPENAI_API_KEY), or give the provider an apiKey in opencode.json";

/** A mock model API that accepts only `apiKey`, a home of its own and a work dir, removed when the test ends. */
async function conformanceEnv() {
  const api = await startMockModelApi({ apiKey });
  const home = await mkdtemp(join(tmpdir(), 'ratchet-opencode-home-'));
  const workDir = await makeWorkDir();
  onTestFinished(async () => {
    await api.close();
    await rm(home, { recursive: true, force: true });
    await rm(workDir, { recursive: true, force: true });
  });

  /** The preset with the installed opencode, its own home, and a provider `mock` at the mock API. */
  function worker(options: { key?: string; providerOptions?: object; modelConfig?: object } & PresetOptions = {}) {
    const { key = apiKey, providerOptions = {}, modelConfig = {}, ...preset } = options;
    const config = {
      provider: {
        mock: {
          npm: '@ai-sdk/openai-compatible',
          options: { baseURL: `${api.url}/v1`, apiKey: '{env:MOCK_API_KEY}', ...providerOptions },
          models: { 'mock-model': { name: 'Mock', ...modelConfig } },
        },
      },
      // Without this opencode asks the model for a session title first: a second call per attempt.
      agent: { title: { disable: true } },
    };
    return commandWorker(
      opencode({
        ...installedCli('opencode'),
        model: 'mock/mock-model',
        killGraceMs: 1000,
        ...preset,
        env: {
          ...isolatedHomeEnv(home),
          OPENCODE_CONFIG_CONTENT: JSON.stringify(config),
          OPENCODE_DISABLE_MODELS_FETCH: '1',
          OPENCODE_DISABLE_AUTOUPDATE: '1',
          // opencode installs its plugin package into its config dir with npm at every start; offline, it
          // gives up at once (a warning it does not print at --log-level ERROR) instead of downloading it.
          npm_config_offline: 'true',
          MOCK_API_KEY: key,
        },
      }),
    );
  }

  return {
    api,
    /** One attempt at a task whose message starts with a dash, the mock answering with `scenarios`. */
    attempt(options: Parameters<typeof worker>[0] = {}, scenarios?: MockScenario): Promise<AttemptResult> {
      if (scenarios !== undefined) api.script(scenarios);
      return worker(options).attempt(attemptInput(workDir, '- Say hello'), never);
    },
  };
}

/** The error an attempt threw, or a test failure saying what it returned instead. */
async function thrown(attempt: Promise<AttemptResult>): Promise<Error> {
  const result = await attempt.then(
    (value) => value,
    (error: unknown) => error,
  );
  if (result instanceof Error) return result;
  throw new Error(`the attempt returned instead of throwing: ${JSON.stringify(result).slice(0, 2000)}`);
}

describe('the opencode preset with opencode 1.18.33 against the mock model API', { timeout: 30_000 }, () => {
  it('records the answer and its usage: cached input within tokensIn, reasoning within tokensOut', async () => {
    const usage = { input: 1200, output: 80, cacheRead: 1000, reasoning: 30 };
    const { api, attempt } = await conformanceEnv();
    const result = await attempt({}, { kind: 'success', text: 'Hello from the mock.', usage });
    expect(result.failure).toBeUndefined();
    expect(result.output).toBe('Hello from the mock.');
    // No price for the mock model: opencode writes a cost of 0, which is not known to be free.
    expect(result.usage).toEqual({
      turns: 1,
      tokensIn: 1200,
      tokensInCached: 1000,
      tokensOut: 80,
      usd: null,
      costProvenance: 'unknown',
    });
    const calls = api.requests.filter((request) => request.path === '/v1/chat/completions');
    expect(calls).toHaveLength(1);
    expect(JSON.stringify(calls[0]?.body)).toContain('- Say hello');
  });

  it("takes opencode's cost when the model has a price", async () => {
    const usage = { input: 1200, output: 80, cacheRead: 1000, reasoning: 30 };
    const { attempt } = await conformanceEnv();
    const result = await attempt(
      { modelConfig: { cost: { input: 3, output: 15, cache_read: 0.3 } } },
      { kind: 'success', text: 'Priced.', usage },
    );
    // 200 × $3 + 1000 × $0.30 + 80 × $15, per million tokens.
    expect(result.usage).toMatchObject({ usd: 0.0021, costProvenance: 'measured' });
  });

  it('stops the run on a refused key (401), saying how to give opencode one', async () => {
    const { attempt } = await conformanceEnv();
    const error = await thrown(attempt({ key: 'sk-wrong' }));
    expect(error).toMatchObject({ name: 'InfraError', reason: 'credentials', scope: 'run', isRetryable: false });
    expect(error.message).toBe(
      `opencode: the provider refused its credentials (HTTP 401): Incorrect API key provided. To fix: ${credentialsFix}.`,
    );
  });

  it('waits as long as a rate limit asks, once opencode gives up on it (429, retry-after: 1)', async () => {
    const { api, attempt } = await conformanceEnv();
    const error = await thrown(attempt({}, { kind: 'rate-limited', retryAfterSeconds: 1 }));
    expect(error).toMatchObject({ reason: 'rate-limited', scope: 'run', isRetryable: true, retryAfterMs: 1000 });
    expect(error.message).toBe(
      'opencode: the provider rate-limited it (HTTP 429): Rate limit reached for requests. Please try again later. To fix: wait for the limit to reset, or run fewer cells at once.',
    );
    // The first call and opencode's 5 retries.
    expect(api.requests.filter((request) => request.status === 429)).toHaveLength(6);
  });
});

// opencode is still retrying each of these when the time limit comes, long before it would give up
// (about 75 s). They run side by side: the time limit leaves a slow start on a loaded machine room
// to reach the first failed call, without making the file four times as long.
const stalledAt = 20_000;

describe.concurrent('the opencode preset, killed at its time limit while opencode retries its provider', {
  timeout: 60_000,
}, () => {
  it.each([
    [
      'billing (429 insufficient_quota)',
      { kind: 'billing' } as const,
      {},
      { reason: 'billing', isRetryable: false },
      /^opencode: the provider refused it for billing: You exceeded your current quota, please check your plan and billing details; it was still retrying at its time limit \(timeoutMs 20000 ms\), last: retrying its provider after \d+ failed calls? \(billing\)\. To fix: add credit to the provider account opencode uses\.$/,
    ],
    [
      'an overloaded provider (503)',
      { kind: 'overloaded' } as const,
      {},
      { reason: 'overloaded', isRetryable: true },
      /^opencode: the provider is overloaded: The server is overloaded or not ready yet; it was still retrying .*\(overloaded\)\. To fix: wait and resume the run\.$/,
    ],
    [
      'a dropped connection',
      { kind: 'drop' } as const,
      {},
      { reason: 'unreachable', isRetryable: true },
      /^opencode: the provider could not be reached: Cannot connect to API: The socket connection was closed unexpectedly; it was still retrying .*\(network\)\. To fix: check that this machine reaches the provider/,
    ],
    [
      'a provider that never answers, each call ended by its headerTimeout',
      { kind: 'hang' } as const,
      { providerOptions: { headerTimeout: 1000 } },
      { reason: 'unreachable', isRetryable: true },
      /^opencode: the provider could not be reached: Provider response headers timed out after 1000ms; it was still retrying .*\(network\)\./,
    ],
  ])('classifies %s', async (_, scenario, options, classification, message) => {
    const { api, attempt } = await conformanceEnv();
    const error = await thrown(attempt({ timeoutMs: stalledAt, ...options }, scenario));
    expect(error).toMatchObject({ name: 'InfraError', scope: 'run', ...classification });
    expect(error.message).toMatch(message);
    expect(api.requests.filter((request) => request.scenario === scenario.kind).length).toBeGreaterThan(1);
  });
});
