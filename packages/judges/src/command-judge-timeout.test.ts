import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commandJudge } from './command-judge';
import { fixture, makeWorkDir, waitUntilGone } from './process-test-helpers';

const node = process.execPath;
const task = { id: 'fix-math', input: 'Make the tests pass.' };
let workDir: string;
beforeEach(async () => {
  workDir = await makeWorkDir();
});
afterEach(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe('commandJudge when the tests are still running at the time limit', () => {
  it('returns an unresolved timeout verdict, not an error, and kills the process tree', async () => {
    const judge = commandJudge({ id: 'slow-tests', command: node, args: [fixture('sleep-tree.mjs')], timeoutMs: 600 });
    const verdict = await judge.judge(task, null, { workDir });
    expect(verdict).toMatchObject({
      resolved: false,
      details: { reason: 'timeout', counts: null, termination: 'timed-out', exitCode: null },
    });
    expect(verdict.scores).toEqual({
      correct: { value: 0, direction: 'maximize' },
      passRate: { value: null, direction: 'maximize' },
      testsFailed: { value: null, direction: 'minimize' },
    });
    const [childPid, grandchildPid] = (await readFile(join(workDir, 'pids.txt'), 'utf8')).split(' ').map(Number);
    expect(await waitUntilGone(childPid as number)).toBe(true);
    expect(await waitUntilGone(grandchildPid as number)).toBe(true);
  });

  it('counts the TAP printed before the time limit, planned tests never reported as failed', async () => {
    const judge = commandJudge({
      command: node,
      args: [fixture('tap-then-hang.mjs'), 'TAP version 13\\n1..3\\nok 1 - adds\\nnot ok 2 - subtracts\\n'],
      report: { format: 'tap' },
      timeoutMs: 600,
    });
    const verdict = await judge.judge(task, null, { workDir });
    expect(verdict).toMatchObject({
      resolved: false,
      details: { reason: 'timeout', counts: { passed: 1, failed: 2, skipped: 0 } },
    });
    expect(verdict.scores.passRate?.value).toBeCloseTo(1 / 3, 12);
  });

  it('reads a JUnit report written before the time limit, and leaves counts null for a partial one', async () => {
    await mkdir(join(workDir, 'reports'));
    const thenHang = (write: string) =>
      commandJudge({
        command: 'sh',
        args: ['-c', `${write}; exec "${node}" "${fixture('sleep-tree.mjs')}"`],
        report: { format: 'junit', path: 'reports/junit.xml' },
        timeoutMs: 800,
      });
    const written = await thenHang(`"${node}" "${fixture('junit-report.mjs')}" reports/junit.xml 1`).judge(task, null, {
      workDir,
    });
    expect(written).toMatchObject({
      resolved: false,
      details: { reason: 'timeout', counts: { passed: 3, failed: 1, skipped: 1 } },
    });
    const partial = await thenHang(
      `"${node}" "${fixture('write-file.mjs')}" reports/junit.xml "<testsuite><testcase name=\\"adds\\">"`,
    ).judge(task, null, { workDir });
    expect(partial).toMatchObject({ resolved: false, details: { reason: 'timeout', counts: null } });
  });
});
