import { InfraError } from '@ratchet/runtime';
import { describe, expect, it } from 'vitest';
import { claudeCode } from './claude-code';
import { attemptInput, fakeAgent, never, testWorkDir } from './command-test-helpers';
import { commandWorker } from './command-worker';
import { CommandWorkerError } from './command-worker-error';
import { InvalidWorkerOptionsError } from './invalid-worker-options-error';

const node = process.execPath;
const fakeClaude = fakeAgent(claudeCode, 'fake-claude.mjs');
const workDir = testWorkDir();

describe('commandWorker', () => {
  it('returns the final result, the trace and the usage the agent reported', async () => {
    const result = await fakeClaude('ok').attempt(attemptInput(workDir()), never);
    expect(result.output).toBe('done: Write hello.py');
    expect(result.events.map((event) => event.type)).toEqual([
      'log',
      'log',
      'message',
      'tool-call',
      'tool-result',
      'message',
      'output',
    ]);
    expect(result.events[3]?.data).toEqual({ id: 'toolu_1', name: 'Read', input: { file_path: 'hello.txt' } });
    expect(result).not.toHaveProperty('failure');
    expect(result.events.every((event) => typeof event.atMs === 'number' && event.atMs >= 0)).toBe(true);
    // 12 + 300 + 4000 input tokens, cached ones included; cost as Claude Code computed it.
    expect(result.usage).toEqual({
      turns: 2,
      tokensIn: 4312,
      tokensInCached: 4000,
      tokensOut: 85,
      usd: 0.0123,
      costProvenance: 'measured',
    });
  });

  it('tells the agent the task prompt followed by the steer', async () => {
    const input = attemptInput(workDir(), 'Write hello.py', { text: 'Run the tests before you finish.' });
    const result = await fakeClaude('ok').attempt(input, never);
    expect(result.output).toBe('done: Write hello.py\n\nRun the tests before you finish.');
  });

  it("runs in the handle's work dir, or in cwd when the handle has none", async () => {
    const inHandle = await fakeClaude('ok').attempt(attemptInput(workDir()), never);
    expect(inHandle.events[0]?.data).toMatchObject({ subtype: 'init', cwd: workDir() });
    const input = { ...attemptInput(workDir()), handle: { state: 'in memory' } };
    const inOption = await fakeClaude('ok', { cwd: workDir() }).attempt(input, never);
    expect(inOption.events[0]?.data).toMatchObject({ cwd: workDir() });
  });

  it('scores a crash as the agent outcome: the exit and stderr in the trace, nothing measured', async () => {
    const result = await fakeClaude('crash').attempt(attemptInput(workDir()), never);
    expect(result.output).toBe('Starting.');
    expect(result.failure).toEqual({
      reason: 'exit',
      message: 'the agent exited with code 3',
      stderr: 'TypeError: Cannot read properties of undefined\n    at main (cli.js:1:1)',
    });
    expect(result.events.at(-2)).toMatchObject({ type: 'log', data: { stream: 'stderr' } });
    expect(result.events.at(-1)).toMatchObject({
      type: 'error',
      data: { kind: 'exit', exitCode: 3, signal: null, message: 'the agent exited with code 3' },
    });
    expect(result.usage).toEqual({
      turns: null,
      tokensIn: null,
      tokensOut: null,
      usd: null,
      costProvenance: 'unknown',
    });
  });

  it('scores an error result (max turns) as the agent outcome and keeps its cost', async () => {
    const result = await fakeClaude('max-turns').attempt(attemptInput(workDir()), never);
    expect(result.output).toBe('Still working.');
    expect(result.failure).toEqual({ reason: 'exit', message: 'the agent exited with code 1' });
    expect(result.events.filter((event) => event.type === 'error').map((event) => event.data)).toEqual([
      { subtype: 'error_max_turns', message: null },
      { kind: 'exit', exitCode: 1, signal: null, message: 'the agent exited with code 1' },
    ]);
    expect(result.usage).toEqual({
      turns: 3,
      tokensIn: 900,
      tokensInCached: 0,
      tokensOut: 40,
      usd: 0.05,
      costProvenance: 'measured',
    });
  });

  it('keeps malformed lines and unknown event types as log events', async () => {
    const result = await fakeClaude('noisy').attempt(attemptInput(workDir()), never);
    expect(result.events.slice(0, 3).map((event) => event.data)).toEqual([
      { text: 'Warning: this line is not JSON' },
      { text: '{"type":"assistant","message":' },
      { type: 'mystery', detail: 42 },
    ]);
    expect(result.output).toBe('done: Write hello.py');
  });

  it('throws a retryable, run-wide InfraError when the provider rate-limited the agent', async () => {
    const error = await fakeClaude('rate-limit')
      .attempt(attemptInput(workDir()), never)
      .catch((caught: unknown) => caught);
    expect(InfraError.isInstance(error)).toBe(true);
    expect(CommandWorkerError.isInstance(error)).toBe(true);
    // retry-after: 2, as Claude Code's waits show it (2194 ms, beyond its own backoff).
    expect(error).toMatchObject({ reason: 'rate-limited', isRetryable: true, retryAfterMs: 2194, scope: 'run' });
    expect((error as Error).message).toMatch(
      /^claude-code: the provider rate-limited it \(HTTP 429\): API Error: Request rejected \(429\)/,
    );
  });

  it("sets PWD to the work dir, as a shell would, whatever the caller's PWD", async () => {
    const agent = commandWorker({ command: node, args: ['-e', 'console.log(process.env.PWD)'] });
    expect(process.env.PWD).not.toBe(workDir());
    expect((await agent.attempt(attemptInput(workDir()), never)).output).toBe(workDir());
  });

  it('writes the stdin template, filled in, to the agent and closes it', async () => {
    const echo = 'process.stdin.pipe(process.stdout)';
    const agent = commandWorker({ command: node, args: ['-e', echo], stdin: '{taskId}: {message}' });
    const result = await agent.attempt(attemptInput(workDir(), '- Fix "a.ts"'), never);
    expect(result.output).toBe('task-1: - Fix "a.ts"');
    const silent = commandWorker({ command: node, args: ['-e', echo] });
    expect((await silent.attempt(attemptInput(workDir()), never)).output).toBeNull();
  });

  it('scores an agent that exits without reading a long stdin by its exit, not a broken pipe', async () => {
    const agent = commandWorker({ command: node, args: ['-e', 'process.exit(3)'], stdin: '{message}' });
    const result = await agent.attempt(attemptInput(workDir(), 'x'.repeat(4 * 1024 * 1024)), never);
    expect(result.failure).toMatchObject({ reason: 'exit', message: 'the agent exited with code 3' });
  });

  it('fills the argument template: prompt, steer, task id and seed', async () => {
    const worker = commandWorker({
      command: node,
      args: ['-e', 'console.log(process.argv.slice(1).join("|"))', '{prompt}', '{steer}', '{taskId}', 'seed={seed}'],
    });
    const result = await worker.attempt(attemptInput(workDir(), 'Add', { text: 'Check' }), never);
    expect(result.output).toBe('Add|Check|task-1|seed=seed-1');
    expect(result.usage.costProvenance).toBe('unknown');
  });

  it('takes the arguments from a function', async () => {
    const worker = commandWorker({
      command: node,
      args: (input, texts) => ['-e', 'console.log(process.argv[1])', `${input.task.id}:${texts.message}`],
    });
    const result = await worker.attempt(attemptInput(workDir(), 'Add'), never);
    expect(result.output).toBe('task-1:Add');
  });

  it('throws a non-retryable command-not-found for a missing executable', async () => {
    const worker = commandWorker({ id: 'ghost', command: 'ratchet-no-such-agent', args: ['{message}'] });
    const error = await worker.attempt(attemptInput(workDir()), never).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      reason: 'command-not-found',
      isRetryable: false,
      command: "ratchet-no-such-agent '{message}'",
    });
    expect(InfraError.isInstance(error)).toBe(true);
  });

  it('throws no-work-dir when there is no directory to run in', async () => {
    const worker = commandWorker({ command: node });
    const noHandle = { ...attemptInput(workDir()), handle: null };
    await expect(worker.attempt(noHandle, never)).rejects.toMatchObject({ reason: 'no-work-dir', isRetryable: false });
    await expect(worker.attempt(attemptInput(`${workDir()}/missing`), never)).rejects.toMatchObject({
      reason: 'no-work-dir',
      message: expect.stringContaining('does not exist or is not a directory'),
    });
  });

  it('refuses invalid options, naming them', () => {
    expect(() => commandWorker({ command: '' })).toThrow(InvalidWorkerOptionsError);
    expect(() => commandWorker({ command: 'x', timeoutMs: 0 })).toThrow(
      /^commandWorker: invalid options — timeoutMs: Too small/,
    );
    expect(() => claudeCode({ extraArgs: 'oops' } as never)).toThrow(/^claudeCode: invalid options — extraArgs:/);
  });
});
