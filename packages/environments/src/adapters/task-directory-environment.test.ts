import { access, cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { AdapterOptionsError } from './adapter-options-error';
import { taskDirectoryEnvironment } from './task-directory-environment';
import { TaskDirectoryError } from './task-directory-error';

const examples = fileURLToPath(new URL('../../examples/js-tasks', import.meta.url));
const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('taskDirectoryEnvironment', () => {
  it('lists tasks by folder name with the splits of splits.json and the instruction as the prompt', async () => {
    const environment = taskDirectoryEnvironment({ root: examples });
    expect((await environment.tasks()).map((task) => [task.id, task.split])).toEqual([
      ['clamp', 'train'],
      ['fizzbuzz', 'train'],
      ['is-palindrome', 'train'],
      ['word-count', 'holdout'],
    ]);
    const [holdout] = await environment.tasks('holdout');
    expect(holdout?.input.prompt).toMatch(/^# Count words/);
    expect(holdout?.expected).toEqual({ testsDir: join(examples, 'word-count', 'tests') });
  });

  it('opens a fresh work dir without tests/ or solution/, runs setup there, and deletes it on close', async () => {
    const environment = taskDirectoryEnvironment({ root: examples });
    const [task] = await environment.tasks('holdout');
    const handle = await environment.open(task as NonNullable<typeof task>);
    expect((await readdir(handle.workDir)).sort()).toEqual([
      'sample.txt',
      'task.json',
      'task.md',
      'visible-tests',
      'word-count.mjs',
    ]);
    expect(await readFile(join(handle.workDir, 'sample.txt'), 'utf8')).toBe('The cat saw the dog.\nThe dog ran.\n');
    await environment.close(handle);
    await expect(access(handle.workDir)).rejects.toThrow(/ENOENT/);
  });

  it('checks the visible tests in the work dir: failing on the starting state, passing once solved', async () => {
    const environment = taskDirectoryEnvironment({ root: examples });
    const task = (await environment.tasks()).find((candidate) => candidate.id === 'clamp');
    const handle = await environment.open(task as NonNullable<typeof task>);
    try {
      const [before] = await environment.checks(handle, null);
      expect(before).toMatchObject({ name: 'visible-tests', passed: false, score: 0 });
      await cp(join(examples, 'clamp', 'solution'), handle.workDir, { recursive: true });
      const [after] = await environment.checks(handle, null);
      expect(after).toMatchObject({ name: 'visible-tests', passed: true, score: 1 });
    } finally {
      await environment.close(handle);
    }
  });

  it("fails the visible-tests check, not throws, when the visible tests hang on the worker's code", async () => {
    const environment = taskDirectoryEnvironment({ root: examples, testCommand: { timeoutMs: 1500 } });
    const task = (await environment.tasks()).find((candidate) => candidate.id === 'clamp');
    const handle = await environment.open(task as NonNullable<typeof task>);
    try {
      await writeFile(join(handle.workDir, 'clamp.mjs'), 'export function clamp() {\n  for (;;) {}\n}\n');
      const checks = await environment.checks(handle, null);
      expect(checks).toMatchObject([
        { name: 'visible-tests', passed: false, details: { reason: 'timeout', termination: 'timed-out' } },
      ]);
    } finally {
      await environment.close(handle);
    }
  });

  it('refuses an incomplete task folder and a splits.json that leaves a task out, naming the file', async () => {
    const root = await mkdtemp(join(tmpdir(), 'ratchet-env-test-'));
    made.push(root);
    await cp(join(examples, 'clamp'), join(root, 'clamp'), { recursive: true });
    await rm(join(root, 'clamp', 'tests'), { recursive: true });
    await expect(taskDirectoryEnvironment({ root }).tasks()).rejects.toThrow(/clamp: tests\/ is missing/);

    await cp(join(examples, 'fizzbuzz'), join(root, 'fizzbuzz'), { recursive: true });
    await rm(join(root, 'clamp'), { recursive: true });
    await writeFile(join(root, 'splits.json'), JSON.stringify({ train: ['clamp'] }));
    const error = await taskDirectoryEnvironment({ root })
      .tasks()
      .catch((caught: unknown) => caught);
    expect(TaskDirectoryError.isInstance(error)).toBe(true);
    expect((error as TaskDirectoryError).path).toBe(join(root, 'splits.json'));
    expect((error as Error).message).toMatch(/task "clamp" \(in train\) has no folder/);
  });

  it('refuses invalid options with every offending path', () => {
    expect(() => taskDirectoryEnvironment({ root: '', split: 'test' as never })).toThrow(AdapterOptionsError);
    expect(() => taskDirectoryEnvironment({ root: '', split: 'test' as never })).toThrow(/root: .*; split: /);
  });
});
