import { describe, expect, it } from 'vitest';
import { claudeCode } from './claude-code';
import { attemptInput, fakeAgent, never, testWorkDir } from './command-test-helpers';
import { commandWorker } from './command-worker';

const node = process.execPath;
const fakeClaude = fakeAgent(claudeCode, 'fake-claude.mjs');
const workDir = testWorkDir();
const script = (source: string, options: { timeoutMs?: number } = {}) =>
  commandWorker({ id: 'scripted', command: node, args: ['-e', source], killGraceMs: 100, ...options });

describe('commandWorker failure', () => {
  it('returns an agent still running at its time limit as a timeout outcome, with what it printed', async () => {
    const agent = script('console.log("step 1"); console.error("thinking..."); setInterval(() => {}, 1000)', {
      timeoutMs: 600,
    });
    const result = await agent.attempt(attemptInput(workDir()), never);
    expect(result.output).toBe('step 1');
    expect(result.failure).toEqual({
      reason: 'timeout',
      message:
        'the agent was still running at its time limit (timeoutMs 600 ms); its process tree was killed; last: after writing a message',
      stderr: 'thinking...',
    });
    expect(result.events.at(-1)).toMatchObject({
      type: 'error',
      data: { kind: 'timeout', timeoutMs: 600, message: result.failure?.message },
    });
  });

  it('returns an agent script path with a typo as an exit outcome, with the start of stderr', async () => {
    const agent = commandWorker({ id: 'typo', command: node, args: ['missing-script.mjs'] });
    const result = await agent.attempt(attemptInput(workDir()), never);
    expect(result.output).toBeNull();
    expect(result.failure).toMatchObject({ reason: 'exit', message: 'the agent exited with code 1' });
    expect(result.failure?.stderr).toContain(`Error: Cannot find module '${workDir()}/missing-script.mjs'`);
  });

  it('keeps the first 20 lines of stderr in the failure and its tail in the trace', async () => {
    const agent = script('for (let i = 0; i < 100; i++) console.error("line " + i); process.exit(2)');
    const result = await agent.attempt(attemptInput(workDir()), never);
    const lines = Array.from({ length: 100 }, (_, i) => `line ${i}`);
    expect(result.failure).toEqual({
      reason: 'exit',
      message: 'the agent exited with code 2',
      stderr: lines.slice(0, 20).join('\n'),
    });
    expect(result.events.find((event) => event.type === 'log')?.data).toMatchObject({
      stream: 'stderr',
      text: `${lines.join('\n')}\n`,
    });
  });

  it('returns an agent killed by a signal it was not sent as a signal outcome', async () => {
    const result = await script('process.kill(process.pid, "SIGSEGV")').attempt(attemptInput(workDir()), never);
    expect(result.failure).toEqual({ reason: 'signal', message: 'the agent was killed by SIGSEGV' });
  });

  it("returns a clean exit after the agent's own stream reported failure as an error outcome", async () => {
    const result = await fakeClaude('error-result').attempt(attemptInput(workDir()), never);
    expect(result.output).toBe('Trying.');
    expect(result.failure).toEqual({
      reason: 'error',
      message: 'the agent reported a failure: Tool permission denied: Bash',
    });
    expect(result.usage).toMatchObject({ turns: 1, usd: 0.01 });
  });

  it('sets no failure on a success, even one that wrote to stderr', async () => {
    const result = await script('console.error("warning: old config"); console.log("done")').attempt(
      attemptInput(workDir()),
      never,
    );
    expect(result.output).toBe('done');
    expect(result).not.toHaveProperty('failure');
  });
});
