import { describe, expect, it } from 'vitest';
import { attemptInput, fakeAgent, never, testWorkDir } from './command-test-helpers';
import { opencode } from './opencode';

const fakeOpencode = fakeAgent(opencode, 'fake-opencode.mjs', { model: 'anthropic/claude-sonnet-4-5' });
const workDir = testWorkDir();

describe('opencode', () => {
  it('runs opencode run --format json --print-logs --log-level ERROR [--model], the message on stdin', async () => {
    expect(opencode()).toMatchObject({
      id: 'opencode',
      command: 'opencode',
      args: ['run', '--format', 'json', '--print-logs', '--log-level', 'ERROR'],
      stdin: '{message}',
    });
    const result = await fakeOpencode('ok').attempt(attemptInput(workDir()), never);
    expect(result.events[0]?.data).toMatchObject({
      part: {
        argv: [
          'run',
          '--format',
          'json',
          '--print-logs',
          '--log-level',
          'ERROR',
          '--model',
          'anthropic/claude-sonnet-4-5',
        ],
      },
    });
    expect(result.output).toBe('done: Write hello.py');
  });

  it('tells opencode a message that starts with a dash and holds quotes as it is', async () => {
    const message = '- Fix "parse.ts"\n- Add a test';
    const result = await fakeOpencode('ok').attempt(attemptInput(workDir(), message), never);
    expect(result.output).toBe(`done: ${message}`);
  });

  it("reads opencode's JSON events into the trace, the last text and summed step usage", async () => {
    const result = await fakeOpencode('ok').attempt(attemptInput(workDir()), never);
    expect(result.output).toBe('done: Write hello.py');
    expect(result.events.filter((event) => event.type.startsWith('tool-')).map((event) => event.data)).toEqual([
      { id: 'call_1', name: 'bash', input: { command: 'ls' } },
      { id: 'call_1', output: 'hello.py\n', isError: false },
      { id: 'call_2', name: 'read', input: { filePath: 'missing.py' } },
      { id: 'call_2', output: 'File not found', isError: true },
    ]);
    // Two steps: (800 + 1000 cached) + (900 + 1000 cached) in, 40 + 60 out, $0.002 + $0.001.
    expect(result.usage).toEqual({
      turns: 2,
      tokensIn: 3700,
      tokensInCached: 2000,
      tokensOut: 100,
      usd: 0.003,
      costProvenance: 'measured',
    });
  });
});

// The recorded output of opencode 1.18.33 (fixtures/opencode-1.18.33-*), replayed through the preset:
// what Ratchet makes of each way its provider can fail.
const credentialsFix =
  "run `opencode auth login`, set the provider's key (e.g. ANTHROPIC_API_KEY, OPENAI_API_KEY), or give the provider an apiKey in opencode.json";

describe('opencode, replaying what 1.18.33 wrote when its provider failed', () => {
  it.each([
    [
      'unauthorized',
      { reason: 'credentials', isRetryable: false },
      `opencode: the provider refused its credentials (HTTP 401): Incorrect API key provided. To fix: ${credentialsFix}.`,
    ],
    [
      'billing',
      { reason: 'billing', isRetryable: false },
      'opencode: the provider refused it for billing (HTTP 429): You exceeded your current quota, please check your plan and billing details. To fix: add credit to the provider account opencode uses.',
    ],
    [
      'rate-limited',
      { reason: 'rate-limited', isRetryable: true, retryAfterMs: 1000 },
      'opencode: the provider rate-limited it (HTTP 429): Rate limit reached for requests. Please try again later. To fix: wait for the limit to reset, or run fewer cells at once.',
    ],
    [
      'overloaded',
      { reason: 'overloaded', isRetryable: true },
      'opencode: the provider is overloaded (HTTP 503): The server is overloaded or not ready yet. To fix: wait and resume the run.',
    ],
    [
      'drop',
      { reason: 'unreachable', isRetryable: true },
      'opencode: the provider could not be reached: Cannot connect to API: The socket connection was closed unexpectedly. To fix: check that this machine reaches the provider (or the baseURL in opencode.json), and any proxy (HTTPS_PROXY).',
    ],
    [
      'unknown-model',
      { reason: 'request-refused', isRetryable: false },
      'opencode: the provider refused the request itself: Model not found: mock/nope. To fix: check the model (`model`, as provider/model; `opencode models` lists them, and lists a provider only once its key is set) and the extra arguments.',
    ],
  ])('%s: a run-wide infra error', async (recording, classification, message) => {
    const error = await fakeOpencode(`replay:${recording}`)
      .attempt(attemptInput(workDir()), never)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'InfraError', scope: 'run', ...classification });
    expect((error as Error).message).toBe(message);
  });

  it('billing still being retried at the time limit stops the run, naming the retry', async () => {
    const error = await fakeOpencode('replay:billing:2', { timeoutMs: 1500, killGraceMs: 100 })
      .attempt(attemptInput(workDir()), never)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ reason: 'billing', scope: 'run', isRetryable: false });
    expect((error as Error).message).toBe(
      'opencode: the provider refused it for billing: You exceeded your current quota, please check your plan and billing details; it was still retrying at its time limit (timeoutMs 1500 ms), last: retrying its provider after 2 failed calls (billing). To fix: add credit to the provider account opencode uses.',
    );
  });
});
