import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { TaskDirectoryError } from './task-directory-error';
import { validateTaskDirectory } from './validate-task-directory';

const examples = fileURLToPath(new URL('../../examples/js-tasks', import.meta.url));
const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
async function scratch(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ratchet-validate-test-'));
  made.push(dir);
  return dir;
}

describe('validateTaskDirectory', () => {
  it('passes every example task: each reference solution passes and each untouched work dir fails', async () => {
    const report = await validateTaskDirectory({ root: examples, concurrency: 4 });
    expect(report.summary).toEqual({ tasks: 4, ok: 4, withProblems: 0, problems: {} });
    expect(report.tasks.map((task) => [task.taskId, task.ok])).toEqual([
      ['clamp', true],
      ['fizzbuzz', true],
      ['is-palindrome', true],
      ['word-count', true],
    ]);
  });

  it('reports broken tasks by kind instead of throwing', async () => {
    const root = await scratch();
    // A reference that fails its hidden tests: clamp without the RangeError.
    await cp(join(examples, 'clamp'), join(root, 'wrong-reference'), { recursive: true });
    await writeFile(
      join(root, 'wrong-reference', 'solution', 'clamp.mjs'),
      'export const clamp = (v, lo, hi) => Math.min(Math.max(v, lo), hi);\n',
    );
    await mkdir(join(root, 'no-instruction', 'tests'), { recursive: true });
    await cp(join(examples, 'fizzbuzz'), join(root, 'failing-setup'), { recursive: true });
    await writeFile(join(root, 'failing-setup', 'task.json'), JSON.stringify({ setup: 'exit 3' }));
    await cp(join(examples, 'fizzbuzz'), join(root, 'typo-in-task-json'), { recursive: true });
    await writeFile(join(root, 'typo-in-task-json', 'task.json'), JSON.stringify({ setpu: 'true' }));

    const report = await validateTaskDirectory({ root });

    expect(report.ok).toBe(false);
    expect(report.summary).toEqual({
      tasks: 4,
      ok: 0,
      withProblems: 4,
      problems: { 'reference-failed': 1, 'invalid-task': 2, 'setup-failed': 1 },
    });
    const byId = Object.fromEntries(report.tasks.map((task) => [task.taskId, task.problems]));
    expect(byId['wrong-reference']).toEqual([
      expect.objectContaining({
        code: 'reference-failed',
        details: expect.objectContaining({ counts: { passed: 5, failed: 1, skipped: 0 } }),
      }),
    ]);
    expect(byId['no-instruction']?.[0]?.message).toMatch(/task\.md is missing/);
    expect(byId['failing-setup']?.[0]?.message).toMatch(/setup exited 3/);
    expect(byId['typo-in-task-json']?.[0]?.message).toMatch(/task\.json does not match its format/);
  });

  it('reports a task whose hidden tests pass on the untouched work dir, and one with no reference', async () => {
    const root = await scratch();
    await cp(join(examples, 'is-palindrome'), join(root, 'always-passes'), { recursive: true });
    await rm(join(root, 'always-passes', 'visible-tests'), { recursive: true });
    await writeFile(
      join(root, 'always-passes', 'tests', 'is-palindrome.test.mjs'),
      "import { test } from 'node:test';\ntest('asserts nothing', () => {});\n",
    );
    await rm(join(root, 'always-passes', 'solution'), { recursive: true });

    const strict = await validateTaskDirectory({ root });
    expect(strict.tasks[0]?.problems.map((problem) => problem.code)).toEqual(['empty-passed', 'no-reference']);
    const lenient = await validateTaskDirectory({ root, requireReference: false });
    expect(lenient.tasks[0]?.problems.map((problem) => problem.code)).toEqual(['empty-passed']);
  });

  it('reports a reference solution whose hidden tests hang as failing them, with reason timeout', async () => {
    const root = await scratch();
    await cp(join(examples, 'clamp'), join(root, 'looping-reference'), { recursive: true });
    await rm(join(root, 'looping-reference', 'visible-tests'), { recursive: true });
    await writeFile(
      join(root, 'looping-reference', 'solution', 'clamp.mjs'),
      'export function clamp() {\n  for (;;) {}\n}\n',
    );
    const report = await validateTaskDirectory({ root, testCommand: { timeoutMs: 1500 } });
    expect(report.tasks[0]?.problems).toEqual([
      expect.objectContaining({
        code: 'reference-failed',
        details: expect.objectContaining({ reason: 'timeout', termination: 'timed-out' }),
      }),
    ]);
  });

  it('throws a TaskDirectoryError naming the folder when the root cannot be read', async () => {
    const missing = join(tmpdir(), 'ratchet-no-such-task-directory');
    const error = await validateTaskDirectory({ root: missing }).catch((caught: unknown) => caught);
    expect(TaskDirectoryError.isInstance(error)).toBe(true);
    expect((error as TaskDirectoryError).path).toBe(missing);
  });
});
