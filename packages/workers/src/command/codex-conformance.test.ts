import { rm } from 'node:fs/promises';
import type { AttemptResult } from '@ratchet/runtime';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type MockModelApi, type MockScenario, startMockModelApi } from '../test';
import { codex } from './codex';
import { closedPort, type IsolatedHome, isolatedHome, mockKeyVariable, mockProviderArgs } from './codex-mock-provider';
import { attemptInput, installedCli, installedCliVersion, makeWorkDir, never } from './command-test-helpers';
import { commandWorker } from './command-worker';
import type { CommandWorkerError } from './command-worker-error';

// The installed codex, run through its preset end to end against the mock model API (a provider of
// its own, codex's retries off unless a test turns them on): what Ratchet records for each answer.
const key = 'sk-mock-conformance-key';
let api: MockModelApi;
let home: IsolatedHome;
let workDir: string;
beforeEach(async () => {
  api = await startMockModelApi({ apiKey: key });
  home = await isolatedHome();
  workDir = await makeWorkDir();
});
afterEach(async () => {
  await api.close();
  await home.remove();
  await rm(workDir, { recursive: true, force: true });
});

function codexWorker(
  options: { timeoutMs?: number; streamRetries?: number; baseUrl?: string; key?: string | null } = {},
) {
  const sent = options.key === undefined ? key : options.key;
  return commandWorker(
    codex({
      ...installedCli('codex'),
      extraArgs: mockProviderArgs(
        options.baseUrl ?? `${api.url}/v1`,
        options.streamRetries === undefined ? {} : { streamRetries: options.streamRetries },
      ),
      env: { ...home.env, ...(sent === null ? {} : { [mockKeyVariable]: sent }) },
      timeoutMs: options.timeoutMs ?? 30_000,
      killGraceMs: 1000,
    }),
  );
}

/** The error an attempt threw; an attempt that returned fails the test with what it recorded. */
async function thrownBy(worker: ReturnType<typeof codexWorker>): Promise<CommandWorkerError> {
  const result = await worker.attempt(attemptInput(workDir, 'Say hello.'), never).then(
    (returned: AttemptResult) => returned,
    (error: unknown) => error as CommandWorkerError,
  );
  if (!(result instanceof Error)) throw new Error(`expected a thrown failure, got ${JSON.stringify(result.failure)}`);
  return result;
}

const failing = (scenario: MockScenario) => {
  api.script(scenario);
  return thrownBy(codexWorker());
};

describe(`codex ${installedCliVersion('codex')} against the mock model API`, { timeout: 30_000 }, () => {
  it('records the answer, tokens in with their cached part, tokens out with reasoning, and no cost', async () => {
    api.script({
      kind: 'success',
      text: 'Hello from the mock.',
      usage: { input: 1200, cacheRead: 1000, output: 90, reasoning: 40 },
    });
    const result = await codexWorker().attempt(attemptInput(workDir, 'Say hello.'), never);
    expect(result.failure).toBeUndefined();
    expect(result.output).toBe('Hello from the mock.');
    // Codex reports no dollars: unknown, never 0.
    expect(result.usage).toEqual({
      turns: 1,
      tokensIn: 1200,
      tokensInCached: 1000,
      tokensOut: 90,
      usd: null,
      costProvenance: 'unknown',
    });
    expect(api.requests).toMatchObject([{ method: 'POST', path: '/v1/responses', body: { stream: true } }]);
  });

  it('stops the run on a refused key (401), saying which key to set', async () => {
    const error = await thrownBy(codexWorker({ key: 'sk-wrong-key-for-the-mock' }));
    expect(error).toMatchObject({ reason: 'credentials', scope: 'run', isRetryable: false, retryAfterMs: undefined });
    expect(error.providerFailure).toMatchObject({ kind: 'credentials', status: 401 });
    expect(error.message).toMatch(
      /^codex: the provider refused its credentials \(HTTP 401\): unexpected status 401 Unauthorized: Incorrect API key provided\., url: http:\/\/127\.0\.0\.1:\d+\/v1\/responses, request id: \S+\. To fix: set CODEX_API_KEY/,
    );
  });

  it('stops the run on a missing key before any request, naming the variable', async () => {
    const error = await thrownBy(codexWorker({ key: null }));
    expect(error).toMatchObject({ reason: 'credentials', scope: 'run', isRetryable: false });
    expect(error.message).toContain(
      `codex: the provider refused its credentials: Missing environment variable: \`${mockKeyVariable}\`. To fix: set CODEX_API_KEY`,
    );
    expect(api.requests).toEqual([]);
  });

  it('stops the run on billing (OpenAI 429 insufficient_quota), saying to add credit', async () => {
    const error = await failing({ kind: 'billing' });
    expect(error).toMatchObject({ reason: 'billing', scope: 'run', isRetryable: false });
    expect(error.message).toBe(
      "codex: the provider refused it for billing: Quota exceeded. Check your plan and billing details. To fix: add credit to the OpenAI account of the key, or wait for the ChatGPT plan's Codex limit to reset.",
    );
  });

  it('retries a rate limit (429) run-wide; codex does not pass on the retry-after', async () => {
    const error = await failing({ kind: 'rate-limited', retryAfterSeconds: 30 });
    expect(error).toMatchObject({ reason: 'rate-limited', scope: 'run', isRetryable: true, retryAfterMs: undefined });
    expect(error.providerFailure).toMatchObject({ kind: 'rate-limit', status: 429 });
    expect(error.message).toMatch(
      /^codex: the provider rate-limited it \(HTTP 429\): exceeded retry limit, last status: 429 Too Many Requests, request id: \S+\. To fix: wait/,
    );
  });

  it('names the rate limit codex was waiting out (its retry-after) when its time limit came', async () => {
    api.script({ kind: 'rate-limited', retryAfterSeconds: 30 });
    const error = await thrownBy(codexWorker({ streamRetries: 1, timeoutMs: 3000 }));
    expect(error).toMatchObject({ reason: 'rate-limited', scope: 'run', isRetryable: true });
    expect(error.message).toContain(
      'it was still retrying at its time limit (timeoutMs 3000 ms), last: retrying the API (try 1/1): exceeded retry limit, last status: 429 Too Many Requests',
    );
    // It honoured the 30 s wait: one call, no second one before it was stopped.
    expect(api.requests).toHaveLength(1);
  });

  it.each([
    [
      { kind: 'overloaded' } as const,
      'overloaded',
      'the provider is overloaded (HTTP 503): unexpected status 503 Service Unavailable',
    ],
    [
      { kind: 'server-error' } as const,
      'server-error',
      'the provider failed with a server error: We’re currently experiencing high demand, which may cause temporary errors',
    ],
    [
      { kind: 'drop' } as const,
      'unreachable',
      'the provider could not be reached: stream disconnected before completion: error sending request',
    ],
  ])('retries %j run-wide as %s', async (scenario, reason, said) => {
    const error = await failing(scenario);
    expect(error).toMatchObject({ reason, scope: 'run', isRetryable: true });
    expect(error.message).toContain(`codex: ${said}`);
  });

  it('stops the run on a request the provider refuses (400), with its message', async () => {
    const error = await failing({ kind: 'bad-request', message: 'The model `mock-missing` does not exist.' });
    expect(error).toMatchObject({ reason: 'request-refused', scope: 'run', isRetryable: false });
    expect(error.message).toContain(
      'codex: the provider refused the request itself: The model `mock-missing` does not exist. To fix: check the model',
    );
  });

  it('retries an unreachable provider run-wide, which codex itself waits for without end', async () => {
    const error = await thrownBy(
      codexWorker({ baseUrl: `http://127.0.0.1:${await closedPort()}/v1`, timeoutMs: 3000 }),
    );
    expect(error).toMatchObject({ reason: 'unreachable', scope: 'run', isRetryable: true });
    expect(error.message).toContain(
      'it was still retrying at its time limit (timeoutMs 3000 ms), last: retrying the API, waiting for the network',
    );
  });

  it("scores a provider that never answers as the agent's timeout, naming the call it waited on", async () => {
    api.script({ kind: 'hang' });
    const result = await codexWorker({ timeoutMs: 2500 }).attempt(attemptInput(workDir, 'Say hello.'), never);
    expect(result.output).toBeNull();
    expect(result.failure).toMatchObject({
      reason: 'timeout',
      message:
        "the agent was still running at its time limit (timeoutMs 2500 ms); its process tree was killed; last: waiting for the model's response",
    });
  });
});
