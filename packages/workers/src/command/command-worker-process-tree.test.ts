import { InfraError } from '@ratchet/runtime';
import { describe, expect, it } from 'vitest';
import { claudeCode } from './claude-code';
import {
  attemptInput,
  fakeAgent,
  isRunning,
  never,
  recordedPids,
  testWorkDir,
  waitUntilGone,
} from './command-test-helpers';
import { commandWorker } from './command-worker';

const fakeClaude = fakeAgent(claudeCode, 'fake-claude.mjs', { killGraceMs: 500 });
const workDir = testWorkDir({ each: true });

describe('commandWorker process tree', () => {
  it("kills the whole tree at the timeout and returns the timeout as the agent's outcome", async () => {
    const started = Date.now();
    const result = await fakeClaude('hang', { timeoutMs: 700 }).attempt(attemptInput(workDir()), never);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result.output).toBeNull();
    expect(result.failure).toEqual({
      reason: 'timeout',
      message:
        'the agent was still running at its time limit (timeoutMs 700 ms); its process tree was killed; last: waiting for the model to answer',
    });
    expect(result.events.at(-1)).toMatchObject({ type: 'error', data: { kind: 'timeout', timeoutMs: 700 } });
    expect(result.usage.costProvenance).toBe('unknown');
    const [agentPid, grandchildPid] = await recordedPids(workDir());
    expect(grandchildPid).toBeGreaterThan(0);
    expect(await waitUntilGone(agentPid)).toBe(true);
    expect(await waitUntilGone(grandchildPid)).toBe(true);
  });

  it('keeps the result of an agent that reported success but did not exit by the time limit', async () => {
    const result = await fakeClaude('linger', { timeoutMs: 700 }).attempt(attemptInput(workDir()), never);
    expect(result.output).toBe('done: Write hello.py');
    expect(result.events.at(-1)).toMatchObject({ type: 'log', data: { kind: 'killed' } });
    expect(result.usage.costProvenance).toBe('measured');
    expect(result).not.toHaveProperty('failure');
  });

  it("kills the whole tree when the caller aborts, and rethrows the signal's reason", async () => {
    const controller = new AbortController();
    const pending = fakeClaude('hang').attempt(attemptInput(workDir()), controller.signal);
    setTimeout(() => controller.abort(), 500);
    const error = await pending.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as Error).name).toBe('AbortError');
    expect(InfraError.isInstance(error)).toBe(false);
    const [, grandchildPid] = await recordedPids(workDir());
    expect(await waitUntilGone(grandchildPid)).toBe(true);
  });

  it('rethrows a custom abort reason as it is', async () => {
    const controller = new AbortController();
    const reason = new Error('run cancelled');
    const pending = fakeClaude('hang').attempt(attemptInput(workDir()), controller.signal);
    setTimeout(() => controller.abort(reason), 300);
    await expect(pending).rejects.toBe(reason);
  });

  it('does not start the agent when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(fakeClaude('hang').attempt(attemptInput(workDir()), controller.signal)).rejects.toMatchObject({
      name: 'AbortError',
    });
    await expect(recordedPids(workDir())).rejects.toThrow(/ENOENT/);
  });

  it('returns promptly when the agent exits but leaves a child holding stdout, and kills that child', async () => {
    const started = Date.now();
    const result = await fakeClaude('orphan', { timeoutMs: 10_000 }).attempt(attemptInput(workDir()), never);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(result.output).toBe('done: Write hello.py');
    expect(result.events.some((event) => event.type === 'error')).toBe(false);
    const [, grandchildPid] = await recordedPids(workDir());
    expect(await waitUntilGone(grandchildPid)).toBe(true);
  });

  it('keeps maxOutputBytes of events past a flood, yet still reads the final result and usage', async () => {
    const result = await fakeClaude('flood', { maxOutputBytes: 100_000 }).attempt(attemptInput(workDir()), never);
    expect(result.output).toBe('done: Write hello.py');
    expect(result.usage).toMatchObject({ turns: 2, usd: 0.0123, costProvenance: 'measured' });
    const kept = result.events.filter((event) => event.type === 'message');
    expect(kept.length).toBeGreaterThan(50);
    expect(kept.length).toBeLessThan(100);
    // The trace is a prefix: of the 2000 messages of about 1 KB and the output event, those past the cap are counted.
    expect(result.events.at(-1)).toMatchObject({
      type: 'log',
      data: { kind: 'trace-truncated', maxOutputBytes: 100_000, droppedEvents: 2001 - kept.length },
    });
  });

  it('leaves no process running after a normal exit', async () => {
    const worker = commandWorker({
      command: process.execPath,
      args: ['-e', 'console.log(process.pid)'],
      cwd: workDir(),
    });
    const result = await worker.attempt(attemptInput(workDir()), never);
    expect(await isRunning(Number(result.output))).toBe(false);
  });
});
