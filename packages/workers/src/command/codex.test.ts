import { describe, expect, it } from 'vitest';
import { codex } from './codex';
import { attemptInput, fakeAgent, never, testWorkDir } from './command-test-helpers';

const fakeCodex = fakeAgent(codex, 'fake-codex.mjs', { extraArgs: ['--skip-git-repo-check'] });
const workDir = testWorkDir();

describe('codex', () => {
  it('runs codex exec --json [extraArgs] -- <message>, the prompt last', () => {
    expect(codex({ model: 'gpt-5-codex', extraArgs: ['--sandbox', 'workspace-write'] })).toMatchObject({
      id: 'codex',
      command: 'codex',
      model: 'gpt-5-codex',
      args: ['exec', '--json', '--model', 'gpt-5-codex', '--sandbox', 'workspace-write', '--', '{message}'],
    });
  });

  it('passes a message that starts with a dash after --, so it is not read as an option', async () => {
    const result = await fakeCodex('ok').attempt(attemptInput(workDir(), '- Fix the bug'), never);
    expect(result.events[0]?.data).toMatchObject({
      argv: ['exec', '--json', '--skip-git-repo-check', '--', '- Fix the bug'],
    });
    expect(result.output).toBe('done: - Fix the bug');
  });

  it("reads codex's JSON events into the trace, the last agent message and token usage", async () => {
    const result = await fakeCodex('ok').attempt(attemptInput(workDir()), never);
    expect(result.events[0]?.data).toMatchObject({
      type: 'thread.started',
      argv: ['exec', '--json', '--skip-git-repo-check', '--', 'Write hello.py'],
    });
    expect(result.output).toBe('done: Write hello.py');
    expect(result.events.map((event) => event.type)).toEqual([
      'log',
      'log',
      'log',
      'tool-call',
      'tool-result',
      'tool-call',
      'tool-result',
      'message',
      'log',
    ]);
    expect(result.events[4]?.data).toEqual({ id: 'item_1', output: 'hello.py\n', isError: false, exitCode: 0 });
    // Codex reports tokens but no cost: the cost is unknown, not 0.
    expect(result.usage).toEqual({
      turns: 1,
      tokensIn: 5200,
      tokensInCached: 4000,
      tokensOut: 310,
      usd: null,
      costProvenance: 'unknown',
    });
  });

  it('throws a run-wide retryable InfraError for a rate limit codex gave up on', async () => {
    const error = await fakeCodex('rate-limit')
      .attempt(attemptInput(workDir()), never)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'InfraError', reason: 'rate-limited', isRetryable: true, scope: 'run' });
    // Codex waits out the provider's retry-after itself and does not pass it on.
    expect(error).toHaveProperty('retryAfterMs', undefined);
  });

  it('scores a crash as the agent outcome', async () => {
    const result = await fakeCodex('crash').attempt(attemptInput(workDir()), never);
    expect(result.output).toBeNull();
    expect(result.failure).toMatchObject({ reason: 'exit', message: 'the agent exited with code 101' });
    expect(result.events.at(-1)).toMatchObject({ type: 'error', data: { kind: 'exit', exitCode: 101 } });
  });
});
