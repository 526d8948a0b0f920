import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AttemptResult } from '@ratchet/runtime';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MockScenario } from '../test/mock-model-api/mock-scenario';
import { type MockModelApi, startMockModelApi } from '../test/mock-model-api/start-mock-model-api';
import { claudeCode } from './claude-code';
import {
  attemptInput,
  installedCli,
  installedCliVersion,
  isolatedHomeEnv,
  makeWorkDir,
  never,
} from './command-test-helpers';
import { commandWorker } from './command-worker';
import { CommandWorkerError } from './command-worker-error';
import type { PresetOptions } from './preset-options';

// The claudeCode() preset, end to end: the installed Claude Code (a devDependency) run by the worker
// against the local mock of the Anthropic Messages API, with a home of its own (no login, no config
// of the developer's). Its settings are the preset's own (3 API retries) unless a test says otherwise.
// The fixtures claude-code-<version>-<scenario>.jsonl hold what this version printed for each
// scenario; the parser tests read them.

const key = 'sk-ant-mock-conformance-0000';
const credentialsFix =
  'To fix: set ANTHROPIC_API_KEY (or ANTHROPIC_AUTH_TOKEN), or run `claude auth login` as the user the run uses';
let home: string;
let workDir: string;
const apis: MockModelApi[] = [];

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'ratchet-claude-home-'));
  workDir = await makeWorkDir();
  // The developer's own settings must not change what is tested.
  for (const name of ['CLAUDE_CODE_MAX_RETRIES', 'API_TIMEOUT_MS', 'ANTHROPIC_AUTH_TOKEN', 'CLAUDE_CODE_OAUTH_TOKEN']) {
    vi.stubEnv(name, undefined);
  }
});
afterEach(async () => {
  await Promise.all(apis.splice(0).map((api) => api.close()));
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(home, { recursive: true, force: true });
  await rm(workDir, { recursive: true, force: true });
});

/** Runs one attempt of the preset against a mock serving `scenarios`; resolves with its result or its error. */
async function attempt(
  scenarios: MockScenario | MockScenario[],
  options: { env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<{ api: MockModelApi; result?: AttemptResult; error?: CommandWorkerError }> {
  const api = await startMockModelApi({ scenarios });
  apis.push(api);
  const preset: PresetOptions = {
    ...installedCli('claude-code'),
    model: 'claude-sonnet-4-5',
    timeoutMs: options.timeoutMs ?? 30_000,
    killGraceMs: 1000,
    env: {
      ...isolatedHomeEnv(home),
      ANTHROPIC_BASE_URL: api.url,
      ANTHROPIC_API_KEY: key,
      ...options.env,
    },
  };
  try {
    return { api, result: await commandWorker(claudeCode(preset)).attempt(attemptInput(workDir, 'Say hello'), never) };
  } catch (error) {
    if (!CommandWorkerError.isInstance(error)) throw error;
    return { api, error: error as CommandWorkerError };
  }
}

/** The model calls the mock answered with a scenario (not the CLI's `HEAD /api/hello`). */
const modelCalls = (api: MockModelApi) => api.requests.filter((request) => request.scenario !== null).length;

describe(`Claude Code ${installedCliVersion('claude-code')} through claudeCode(), against the mock model API`, () => {
  it('returns the answer and the usage Claude Code measured, cached input included', { timeout: 30_000 }, async () => {
    const { api, result } = await attempt({
      kind: 'success',
      text: 'Hello there.',
      usage: { input: 1200, output: 30, cacheRead: 1000, cacheWrite: 100 },
    });
    expect(api.requests.at(-1)).toMatchObject({
      path: '/v1/messages',
      body: { model: 'claude-sonnet-4-5', stream: true },
      headers: { 'x-api-key': '[masked …0000]' },
    });
    expect(result).toMatchObject({ output: 'Hello there.' });
    expect(result).not.toHaveProperty('failure');
    // Claude Code's list prices for claude-sonnet-4-5, per million tokens: $3 input, $3.75 cache
    // write, $0.30 cache read, $15 output: 100 × 3 + 100 × 3.75 + 1000 × 0.30 + 30 × 15 = $0.001425.
    expect(result?.usage).toEqual({
      turns: 1,
      tokensIn: 1200,
      tokensInCached: 1000,
      tokensOut: 30,
      usd: expect.closeTo(0.001425, 9),
      costProvenance: 'measured',
    });
  });

  it('stops the run at once on a refused key (401), saying which variable to set', { timeout: 30_000 }, async () => {
    const { api, error } = await attempt({ kind: 'unauthorized' });
    expect(error).toMatchObject({ reason: 'credentials', scope: 'run', isRetryable: false, retryAfterMs: undefined });
    expect(error?.providerFailure).toMatchObject({ kind: 'credentials', status: 401 });
    expect(error?.message).toBe(
      `claude-code: the provider refused its credentials (HTTP 401): Invalid API key · Fix external API key. ${credentialsFix}; ` +
        "for Bedrock or Vertex set CLAUDE_CODE_USE_BEDROCK=1 or CLAUDE_CODE_USE_VERTEX=1 with that cloud's credentials.",
    );
    // The preset's 3 retries, not Claude Code's 10 (which took over 3 minutes).
    expect(modelCalls(api)).toBe(4);
  });

  it('stops the run when no key is set at all', { timeout: 30_000 }, async () => {
    const { api, error } = await attempt({ kind: 'unauthorized' }, { env: { ANTHROPIC_API_KEY: '' } });
    expect(error).toMatchObject({ reason: 'credentials', scope: 'run', isRetryable: false });
    expect(error?.message).toMatch(
      /^claude-code: the provider refused its credentials: Not logged in · Please run \/login\. To fix: set ANTHROPIC_API_KEY/,
    );
    expect(modelCalls(api)).toBe(0);
  });

  it('stops the run on a billing refusal, saying to add credit', { timeout: 30_000 }, async () => {
    const { error } = await attempt({ kind: 'billing' });
    expect(error).toMatchObject({ reason: 'billing', scope: 'run', isRetryable: false });
    expect(error?.message).toBe(
      'claude-code: the provider refused it for billing (HTTP 400): Credit balance is too low. To fix: add credit or ' +
        "raise the spend limit of the Anthropic Console account of the key, or wait for the claude.ai plan's usage limit to reset.",
    );
  });

  it('retries a rate limit after the wait the provider asked for (retry-after)', { timeout: 30_000 }, async () => {
    // One retry keeps the test short; its wait follows retry-after: 3 s, well above the backoff (≤ 625 ms).
    const { api, error } = await attempt(
      { kind: 'rate-limited', retryAfterSeconds: 3 },
      { env: { CLAUDE_CODE_MAX_RETRIES: '1' } },
    );
    expect(error).toMatchObject({ reason: 'rate-limited', scope: 'run', isRetryable: true });
    expect(error?.retryAfterMs).toBeGreaterThanOrEqual(3000);
    expect(error?.retryAfterMs).toBeLessThan(4000);
    expect(error?.message).toBe(
      'claude-code: the provider rate-limited it (HTTP 429): API Error: Request rejected (429) · This request would ' +
        'exceed the rate limit for your organization. Please try again later. To fix: wait for the limit to reset, or run fewer cells at once.',
    );
    expect(modelCalls(api)).toBe(2);
  });

  it.each([
    [
      'overloaded',
      'overloaded',
      529,
      /^claude-code: the provider is overloaded \(HTTP 529\): API Error: (Repeated )?529 Overloaded/,
    ],
    [
      'server-error',
      'server-error',
      500,
      /^claude-code: the provider failed with a server error \(HTTP 500\): API Error: 500 Internal server error/,
    ],
  ] as const)(
    'retries an overloaded or failing provider (%s) as run-wide infra',
    { timeout: 30_000 },
    async (scenario, reason, status, message) => {
      const { error } = await attempt({ kind: scenario });
      // Claude Code's waits were its own backoff: the provider named no wait.
      expect(error).toMatchObject({ reason, scope: 'run', isRetryable: true, retryAfterMs: undefined });
      expect(error?.providerFailure?.status).toBe(status);
      expect(error?.message).toMatch(message);
    },
  );

  it('retries a dropped connection as an unreachable provider', { timeout: 30_000 }, async () => {
    const { api, error } = await attempt({ kind: 'drop' });
    expect(error).toMatchObject({ reason: 'unreachable', scope: 'run', isRetryable: true, retryAfterMs: undefined });
    expect(error?.message).toBe(
      'claude-code: the provider could not be reached: API Error: Connection dropped (ECONNRESET). Check the gateway ' +
        'set in ANTHROPIC_BASE_URL, then try again. To fix: check that this machine reaches api.anthropic.com ' +
        '(or ANTHROPIC_BASE_URL), and any proxy (HTTPS_PROXY).',
    );
    expect(modelCalls(api)).toBe(4);
  });

  it('names the API retry it was in when a hanging provider outlasts the time limit', { timeout: 30_000 }, async () => {
    // Each call times out after 1 s and is retried, again and again, until the worker's limit.
    const { error } = await attempt(
      { kind: 'hang' },
      { env: { API_TIMEOUT_MS: '1000', CLAUDE_CODE_MAX_RETRIES: '10' }, timeoutMs: 7000 },
    );
    expect(error).toMatchObject({ reason: 'unreachable', scope: 'run', isRetryable: true });
    expect(error?.message).toMatch(
      /^claude-code: the provider could not be reached: no response from the API \(a connection error or a timeout\); it was still retrying at its time limit \(timeoutMs 7000 ms\), last: retrying the API: no response \(attempt \d+ of 10\)\. To fix: check that/,
    );
  });

  it("scores a provider that never answers, within Claude Code's own timeout, as the agent's timeout", {
    timeout: 30_000,
  }, async () => {
    // API_TIMEOUT_MS is 10 minutes by default: nothing in the stream tells a hung call from a slow one.
    const { result } = await attempt({ kind: 'hang' }, { timeoutMs: 5000 });
    expect(result?.failure).toEqual({
      reason: 'timeout',
      message:
        'the agent was still running at its time limit (timeoutMs 5000 ms); its process tree was killed; last: waiting for the model to answer',
    });
  });
});
