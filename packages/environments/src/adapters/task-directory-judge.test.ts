import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JudgeInfraError } from '@ratchet/judges';
import { afterEach, describe, expect, it } from 'vitest';
import { taskDirectoryJudge } from './task-directory-judge';

const clamp = fileURLToPath(new URL('../../examples/js-tasks/clamp', import.meta.url));
const task = { id: 'clamp', input: { prompt: 'clamp' }, expected: { testsDir: join(clamp, 'tests') } };
const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function workDirWith(solution: string): Promise<string> {
  const workDir = await mkdtemp(join(tmpdir(), 'ratchet-judge-test-'));
  made.push(workDir);
  await cp(join(clamp, solution), join(workDir, 'clamp.mjs'));
  return workDir;
}

describe('taskDirectoryJudge', () => {
  it('runs the hidden tests on a copy, leaving no tests/ in the work dir', async () => {
    const workDir = await workDirWith('solution/clamp.mjs');
    const verdict = await taskDirectoryJudge().judge(task, null, { workDir });
    expect(verdict.resolved).toBe(true);
    expect(verdict.details).toMatchObject({ reason: 'passed', counts: { passed: 6, failed: 0, skipped: 0 } });
    expect(await readdir(workDir)).toEqual(['clamp.mjs']);
  });

  it('replaces a tests/ folder the worker wrote with the hidden tests', async () => {
    const workDir = await workDirWith('clamp.mjs');
    await mkdir(join(workDir, 'tests'));
    await writeFile(
      join(workDir, 'tests', 'fake.test.mjs'),
      "import { test } from 'node:test';\ntest('ok', () => {});\n",
    );
    const verdict = await taskDirectoryJudge().judge(task, null, { workDir });
    expect(verdict.resolved).toBe(false);
    expect(verdict.details).toMatchObject({ counts: { passed: 0, failed: 6, skipped: 0 } });
  });

  it("returns an unresolved timeout verdict, not an error, when the hidden tests hang on the worker's code", async () => {
    const workDir = await workDirWith('clamp.mjs');
    await writeFile(join(workDir, 'clamp.mjs'), 'export function clamp() {\n  for (;;) {}\n}\n');
    const judge = taskDirectoryJudge({ testCommand: { timeoutMs: 1500 } });
    const verdict = await judge.judge(task, null, { workDir });
    expect(verdict).toMatchObject({
      resolved: false,
      details: { reason: 'timeout', termination: 'timed-out' },
    });
    expect(verdict.scores.correct?.value).toBe(0);
  });

  it('throws a no-work-dir infra error when the work dir is gone', async () => {
    const error = await taskDirectoryJudge()
      .judge(task, null, { workDir: join(tmpdir(), 'ratchet-closed-work-dir') })
      .catch((caught: unknown) => caught);
    expect(JudgeInfraError.isInstance(error) && error.reason).toBe('no-work-dir');
  });
});
