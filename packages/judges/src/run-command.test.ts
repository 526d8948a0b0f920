import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidOptionsError } from './invalid-options-error';
import { JudgeInfraError } from './judge-infra-error';
import { fixture, isRunning, makeWorkDir, waitUntilGone } from './process-test-helpers';
import { runCommand } from './run-command';

const node = process.execPath;
let workDir: string;
beforeAll(async () => {
  workDir = await makeWorkDir();
});
afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe('runCommand', () => {
  it('returns the exit code and both streams of a command that exits', async () => {
    const run = await runCommand({ command: node, args: [fixture('exit-code.mjs'), '3'], cwd: workDir });
    expect(run).toMatchObject({
      termination: 'exited',
      exitCode: 3,
      signal: null,
      stdout: { text: 'running the tests\n', bytes: 18, droppedBytes: 0 },
      stderr: { text: 'a warning\n', bytes: 10, droppedBytes: 0 },
    });
    expect(run.command).toContain('exit-code.mjs 3');
  });

  it('runs in the given work dir', async () => {
    const run = await runCommand({ command: node, args: ['-e', 'console.log(process.cwd())'], cwd: workDir });
    expect(run.stdout.text.trim()).toMatch(/ratchet-judges-/);
  });

  it('keeps maxOutputBytes of each stream and counts the bytes it dropped', async () => {
    const run = await runCommand({
      command: node,
      args: [fixture('flood.mjs'), '3000000', '200000'],
      cwd: workDir,
      maxOutputBytes: 1000,
    });
    expect(run.termination).toBe('exited');
    expect(run.stdout).toEqual({ text: 'x'.repeat(1000), bytes: 3_000_000, droppedBytes: 2_999_000 });
    expect(run.stderr).toEqual({ text: 'y'.repeat(1000), bytes: 200_000, droppedBytes: 199_000 });
  });

  it('passes every chunk to onOutput, past the cap too', async () => {
    let seen = 0;
    await runCommand({
      command: node,
      args: [fixture('flood.mjs'), '500000'],
      cwd: workDir,
      maxOutputBytes: 10,
      onOutput: (stream, chunk) => {
        if (stream === 'stdout') seen += chunk.byteLength;
      },
    });
    expect(seen).toBe(500_000);
  });

  it('kills the whole process tree at the timeout, grandchild included', async () => {
    const started = Date.now();
    const run = await runCommand({ command: node, args: [fixture('sleep-tree.mjs')], cwd: workDir, timeoutMs: 700 });
    expect(run.termination).toBe('timed-out');
    expect(Date.now() - started).toBeLessThan(5000);
    const [childPid, grandchildPid] = run.stdout.text.trim().split(' ').map(Number) as [number, number];
    expect(grandchildPid).toBeGreaterThan(0);
    expect(await waitUntilGone(childPid)).toBe(true);
    expect(await waitUntilGone(grandchildPid)).toBe(true);
  });

  it('kills the whole process tree when the caller aborts', async () => {
    const controller = new AbortController();
    const pending = runCommand({
      command: node,
      args: [fixture('sleep-tree.mjs')],
      cwd: workDir,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 500);
    const run = await pending;
    expect(run.termination).toBe('aborted');
    const grandchildPid = Number(run.stdout.text.trim().split(' ')[1]);
    expect(await waitUntilGone(grandchildPid)).toBe(true);
  });

  it('kills processes the command leaves behind when it exits', async () => {
    const run = await runCommand({ command: node, args: [fixture('leave-orphan.mjs')], cwd: workDir });
    expect(run).toMatchObject({ termination: 'exited', exitCode: 0 });
    const orphanPid = Number(run.stdout.text.trim());
    expect(await waitUntilGone(orphanPid)).toBe(true);
  });

  it('reports a crash by a signal the harness did not send', async () => {
    const run = await runCommand({ command: node, args: ['-e', 'process.kill(process.pid, "SIGSEGV")'], cwd: workDir });
    expect(run).toMatchObject({ termination: 'signaled', exitCode: null, signal: 'SIGSEGV' });
  });

  it('throws a non-retryable command-not-found for a missing executable', async () => {
    const error = await runCommand({ command: 'ratchet-no-such-command', cwd: workDir, source: 'tests' }).catch(
      (caught: unknown) => caught,
    );
    expect(JudgeInfraError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ reason: 'command-not-found', isRetryable: false, source: 'tests' });
    expect((error as Error).message).toBe(
      'tests: command "ratchet-no-such-command" was not found (spawn ENOENT). Install it or put it on PATH.',
    );
  });

  it('throws spawn-failed for a missing work dir instead of a misleading ENOENT', async () => {
    await expect(runCommand({ command: node, cwd: `${workDir}/missing` })).rejects.toMatchObject({
      reason: 'spawn-failed',
      isRetryable: false,
      message: expect.stringContaining('does not exist or is not a directory'),
    });
  });

  it('refuses invalid options', async () => {
    await expect(runCommand({ command: node, cwd: workDir, timeoutMs: 0 })).rejects.toThrow(InvalidOptionsError);
    await expect(runCommand({ command: '', cwd: workDir })).rejects.toThrow(/runCommand: invalid options — command:/);
  });

  it('leaves no process running after a normal exit', async () => {
    const run = await runCommand({ command: node, args: ['-e', 'console.log(process.pid)'], cwd: workDir });
    expect(await isRunning(Number(run.stdout.text))).toBe(false);
  });
});
