import { cp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Judge } from '@ratchet/judges';
import { z } from 'zod';
import { mapWithConcurrency } from './map-with-concurrency';
import { openWorkDir } from './open-work-dir';
import { parseAdapterOptions } from './parse-adapter-options';
import { readTaskDirectory, type TaskFolder } from './read-task-directory';
import { runVisibleTests } from './run-visible-tests';
import { taskDirectoryOptionsSchema, taskOf } from './task-directory-environment';
import { taskDirectoryJudge } from './task-directory-judge';
import type { TestCommand } from './test-command';
import { describeError, type ValidationProblem, type ValidationReport, validationReport } from './validation-report';

const optionsSchema = taskDirectoryOptionsSchema.extend({
  /** Report a task without `solution/` as a problem (default true); when false only the empty answer is checked. */
  requireReference: z.boolean().default(true),
  /** Tasks validated at once (default 2: each runs test processes). */
  concurrency: z.number().int().positive().default(2),
});
export type ValidateTaskDirectoryOptions = z.input<typeof optionsSchema>;

/**
 * Checks that every task of a task directory can tell work from no work: its reference solution
 * (`solution/` copied over the fresh work dir) must pass the hidden tests, and so must its visible
 * tests when there are any; the untouched work dir (the empty answer) must fail the hidden tests. A
 * bad task is reported, never thrown. Tests that hang count as failing (reason `timeout` in the
 * problem's details), so a reference solution that loops is `reference-failed`.
 *
 * @throws {TaskDirectoryError} only when the directory itself or its `splits.json` cannot be read.
 * @throws {AdapterOptionsError} when an option is invalid.
 * @example
 * const report = await validateTaskDirectory({ root: 'examples/js-tasks' });
 * // => { ok: true, summary: { tasks: 4, ok: 4, withProblems: 0, problems: {} }, tasks: [{ taskId: 'clamp', ok: true, problems: [] }, …] }
 */
export async function validateTaskDirectory(options: ValidateTaskDirectoryOptions): Promise<ValidationReport> {
  const parsed = parseAdapterOptions('validateTaskDirectory', optionsSchema, options);
  const { folders, invalid } = await readTaskDirectory(parsed.root, parsed.split);
  const judge = taskDirectoryJudge({
    testCommand: parsed.testCommand,
    ...(parsed.tmpDir ? { tmpDir: parsed.tmpDir } : {}),
  });
  const checked = await mapWithConcurrency(folders, parsed.concurrency, async (folder) => ({
    taskId: folder.id,
    problems: await validateFolder(folder, judge, parsed.testCommand, parsed.requireReference, parsed.tmpDir),
  }));
  const unreadable = invalid.map((folder) => ({
    taskId: folder.id,
    problems: [{ code: 'invalid-task' as const, message: folder.problem }],
  }));
  const results = [...checked, ...unreadable].sort((a, b) => a.taskId.localeCompare(b.taskId));
  return validationReport(resolve(parsed.root), results);
}

async function validateFolder(
  folder: TaskFolder,
  judge: Judge,
  testCommand: TestCommand,
  requireReference: boolean,
  tmpDir: string | undefined,
): Promise<ValidationProblem[]> {
  let workDir: string;
  try {
    workDir = await openWorkDir(folder, tmpDir);
  } catch (error) {
    return [{ code: 'setup-failed', message: describeError(error) }];
  }
  const task = taskOf(folder);
  const problems: ValidationProblem[] = [];
  const judgeOrReport = async (what: string) => {
    try {
      return await judge.judge(task, null, { workDir });
    } catch (error) {
      problems.push({ code: 'judge-broke', message: `judging the ${what}: ${describeError(error)}` });
      return null;
    }
  };
  try {
    const empty = await judgeOrReport('empty answer');
    if (empty?.resolved) {
      problems.push({
        code: 'empty-passed',
        message: 'the untouched work dir passes the hidden tests; they cannot tell work from no work',
        ...(empty.details === undefined ? {} : { details: empty.details }),
      });
    }
    if (!folder.hasSolution) {
      if (requireReference) problems.push({ code: 'no-reference', message: 'there is no solution/ folder to check' });
      return problems;
    }
    await cp(join(folder.dir, 'solution'), workDir, { recursive: true });
    const reference = await judgeOrReport('reference solution');
    if (reference && !reference.resolved) {
      problems.push({
        code: 'reference-failed',
        message: 'the reference solution fails the hidden tests',
        ...(reference.details === undefined ? {} : { details: reference.details }),
      });
    }
    if (folder.hasVisibleTests) {
      const visible = await runVisibleTests(testCommand, workDir).catch((error: unknown) => {
        problems.push({ code: 'judge-broke', message: `running the visible tests: ${describeError(error)}` });
        return null;
      });
      if (visible && visible.passed !== true) {
        problems.push({
          code: 'visible-tests-failed',
          message: 'the reference solution fails the visible tests',
          ...(visible.details === undefined ? {} : { details: visible.details }),
        });
      }
    }
    return problems;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
