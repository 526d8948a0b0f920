import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commandJudge } from './command-judge';
import { InvalidOptionsError } from './invalid-options-error';
import { JudgeInfraError } from './judge-infra-error';
import { fixture, makeWorkDir } from './process-test-helpers';

const node = process.execPath;
const task = { id: 'fix-math', input: 'Make the tests pass.' };
let workDir: string;
beforeEach(async () => {
  workDir = await makeWorkDir();
});
afterEach(async () => {
  await rm(workDir, { recursive: true, force: true });
});

async function infraError(promise: Promise<unknown>): Promise<JudgeInfraError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!JudgeInfraError.isInstance(error)) throw new Error(`expected a JudgeInfraError, got ${String(error)}`);
  return error;
}

describe('commandJudge with a TAP report', () => {
  const tapJudge = (failures: number) =>
    commandJudge({ command: node, args: [fixture('tap-output.mjs'), String(failures)], report: { format: 'tap' } });

  it('resolves when every test passes, and scores pass rate and failures', async () => {
    const verdict = await tapJudge(0).judge(task, null, { workDir });
    expect(verdict.resolved).toBe(true);
    expect(verdict.scores).toEqual({
      correct: { value: 1, direction: 'maximize' },
      passRate: { value: 1, direction: 'maximize' },
      testsFailed: { value: 0, direction: 'minimize' },
    });
    expect(verdict.details).toMatchObject({
      reason: 'passed',
      counts: { passed: 2, failed: 0, skipped: 1 },
      termination: 'exited',
      exitCode: 0,
    });
  });

  it('returns an unresolved verdict, not an error, when tests fail', async () => {
    const verdict = await tapJudge(2).judge(task, null, { workDir });
    expect(verdict.resolved).toBe(false);
    expect(verdict.scores.passRate?.value).toBe(0.5);
    expect(verdict.scores.testsFailed?.value).toBe(2);
    expect(verdict.details).toMatchObject({ reason: 'tests-failed', exitCode: 1 });
  });

  it('scores a command that failed before printing TAP as a failure', async () => {
    const judge = commandJudge({ command: node, args: [fixture('exit-code.mjs'), '1'], report: { format: 'tap' } });
    const verdict = await judge.judge(task, null, { workDir });
    expect(verdict).toMatchObject({ resolved: false, details: { reason: 'no-report', counts: null } });
    expect(verdict.scores.passRate?.value).toBeNull();
  });

  it('treats a command that exited 0 without TAP as a broken harness', async () => {
    const judge = commandJudge({ command: node, args: [fixture('exit-code.mjs'), '0'], report: { format: 'tap' } });
    const error = await infraError(judge.judge(task, null, { workDir }));
    expect(error).toMatchObject({ reason: 'report-unparseable', isRetryable: false });
  });

  it('does not resolve a TAP run that bailed out', async () => {
    const judge = commandJudge({
      command: node,
      args: [fixture('tap-then-exit.mjs'), 'ok 1\\nBail out! no database\\n'],
      report: { format: 'tap' },
    });
    expect((await judge.judge(task, null, { workDir })).details).toMatchObject({ reason: 'bailout' });
  });

  it('does not resolve a run with zero passing tests', async () => {
    const judge = commandJudge({
      command: node,
      args: [fixture('tap-then-exit.mjs'), '1..0\\n'],
      report: { format: 'tap' },
    });
    const verdict = await judge.judge(task, null, { workDir });
    expect(verdict).toMatchObject({ resolved: false, details: { reason: 'tests-failed' } });
    expect(verdict.scores.passRate?.value).toBeNull();
  });
});

describe('commandJudge with a JUnit report', () => {
  const junitJudge = (...args: string[]) =>
    commandJudge({
      command: node,
      args: [fixture('junit-report.mjs'), 'reports/junit.xml', ...args],
      report: { format: 'junit', path: 'reports/junit.xml' },
    });
  beforeEach(async () => {
    await mkdir(join(workDir, 'reports'));
  });

  it('reads passes, failures, errors and skips from the report file', async () => {
    const passing = await junitJudge('0').judge(task, null, { workDir });
    expect(passing.resolved).toBe(true);
    expect(passing.details).toMatchObject({ counts: { passed: 3, failed: 0, skipped: 1 } });
    const failing = await junitJudge('1', 'error').judge(task, null, { workDir });
    expect(failing.resolved).toBe(false);
    expect(failing.details).toMatchObject({ reason: 'tests-failed', counts: { passed: 3, failed: 2, skipped: 1 } });
    expect(failing.scores.passRate?.value).toBe(0.6);
  });

  it('deletes a stale report before running, so it is never read', async () => {
    await writeFile(join(workDir, 'reports/junit.xml'), '<testsuite><testcase name="stale"/></testsuite>');
    const judge = commandJudge({
      command: node,
      args: [fixture('exit-code.mjs'), '1'],
      report: { format: 'junit', path: 'reports/junit.xml' },
    });
    expect((await judge.judge(task, null, { workDir })).details).toMatchObject({ reason: 'no-report', counts: null });
  });

  it('throws report-missing when the command exited 0 without writing the report', async () => {
    const judge = commandJudge({
      command: node,
      args: [fixture('exit-code.mjs'), '0'],
      report: { format: 'junit', path: 'reports/junit.xml' },
    });
    const error = await infraError(judge.judge(task, null, { workDir }));
    expect(error).toMatchObject({ reason: 'report-missing', isRetryable: false });
    expect(error.message).toMatch(/wrote no JUnit report at reports\/junit\.xml/);
  });

  it('throws report-unparseable when the report is not JUnit XML', async () => {
    const judge = commandJudge({
      command: node,
      args: [fixture('write-file.mjs'), 'reports/junit.xml', '<testsuite><testcase>', '1'],
      report: { format: 'junit', path: 'reports/junit.xml' },
    });
    const error = await infraError(judge.judge(task, null, { workDir }));
    expect(error).toMatchObject({ reason: 'report-unparseable', isRetryable: false });
    expect(error.message).toMatch(/could not be parsed: not well-formed XML/);
  });
});

describe('commandJudge with the exit code only', () => {
  it('resolves on exit 0 and fails on any other code, with null counts', async () => {
    const judge = (code: string) => commandJudge({ command: node, args: [fixture('exit-code.mjs'), code] });
    expect((await judge('0').judge(task, null, { workDir })).resolved).toBe(true);
    const failed = await judge('2').judge(task, null, { workDir });
    expect(failed).toMatchObject({ resolved: false, details: { reason: 'exit-code', exitCode: 2 } });
    expect(failed.scores.testsFailed?.value).toBeNull();
    expect(failed.details).toMatchObject({
      stdout: { excerpt: 'running the tests\n' },
      stderr: { excerpt: 'a warning\n' },
    });
  });

  it('scores a crash as a failure, not as a harness error', async () => {
    const judge = commandJudge({ command: node, args: ['-e', 'process.kill(process.pid, "SIGSEGV")'] });
    expect((await judge.judge(task, null, { workDir })).details).toMatchObject({
      reason: 'crashed',
      signal: 'SIGSEGV',
    });
  });

  it('runs in the cwd option when given, over the context work dir', async () => {
    const judge = commandJudge({
      command: node,
      args: ['-e', 'process.exit(process.cwd() === process.argv[1] ? 0 : 1)', workDir],
      cwd: workDir,
    });
    expect((await judge.judge(task, null, { workDir: '/' })).resolved).toBe(true);
  });
});

describe('commandJudge when the harness breaks', () => {
  it('throws aborted when the caller aborts', async () => {
    const judge = commandJudge({ command: node, args: [fixture('sleep-tree.mjs')] });
    const error = await infraError(judge.judge(task, null, { workDir, signal: AbortSignal.timeout(400) }));
    expect(error).toMatchObject({ reason: 'aborted', isRetryable: false });
  });

  it('throws command-not-found for a missing executable, and for exit 127 under a shell', async () => {
    const missing = commandJudge({ command: 'ratchet-no-such-test-runner' });
    expect(await infraError(missing.judge(task, null, { workDir }))).toMatchObject({ reason: 'command-not-found' });
    const shell = commandJudge({ command: 'ratchet-no-such-test-runner --all', shell: true });
    expect(await infraError(shell.judge(task, null, { workDir }))).toMatchObject({ reason: 'command-not-found' });
  });

  it('throws no-work-dir without a cwd option or context work dir', async () => {
    const error = await infraError(commandJudge({ command: node }).judge(task, null));
    expect(error).toMatchObject({ reason: 'no-work-dir', isRetryable: false });
  });

  it('keeps a flood of output within the cap and still counts its TAP', async () => {
    const judge = commandJudge({
      command: 'sh',
      args: ['-c', `"${node}" "${fixture('flood.mjs')}" 2000000 && echo && echo "ok 1 - after the flood" && echo 1..1`],
      report: { format: 'tap' },
      maxOutputBytes: 4096,
    });
    const verdict = await judge.judge(task, null, { workDir });
    expect(verdict.resolved).toBe(true);
    expect(verdict.details).toMatchObject({
      stdout: { bytes: 2_000_000 + 1 + 23 + 5, droppedBytes: 2_000_029 - 4096 },
    });
  });

  it('refuses invalid options at construction', () => {
    expect(() => commandJudge({ command: node, report: { format: 'junit' } as never })).toThrow(InvalidOptionsError);
    expect(() => commandJudge({ command: node, timeoutMs: -5 })).toThrow(/commandJudge: invalid options — timeoutMs:/);
  });
});
