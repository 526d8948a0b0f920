import { describe, expect, it } from 'vitest';
import { attemptInput, fakeAgent, never, testWorkDir } from './command-test-helpers';
import { opencode } from './opencode';

const fakeOpencode = fakeAgent(opencode, 'fake-opencode.mjs', { model: 'anthropic/claude-sonnet-4-5' });
const workDir = testWorkDir();

describe('opencode', () => {
  it('runs opencode run --format json [--model], the message on stdin', async () => {
    expect(opencode()).toMatchObject({
      id: 'opencode',
      command: 'opencode',
      args: ['run', '--format', 'json'],
      stdin: '{message}',
    });
    const result = await fakeOpencode('ok').attempt(attemptInput(workDir()), never);
    expect(result.events[0]?.data).toMatchObject({
      part: { argv: ['run', '--format', 'json', '--model', 'anthropic/claude-sonnet-4-5'] },
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
    expect(result.usage).toEqual({ turns: 2, tokensIn: 3700, tokensOut: 100, usd: 0.003, costProvenance: 'measured' });
  });

  it("throws a retryable InfraError that waits for the provider's retry-after", async () => {
    const error = await fakeOpencode('rate-limit')
      .attempt(attemptInput(workDir()), never)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ reason: 'rate-limited', isRetryable: true, retryAfterMs: 7000 });
  });
});
