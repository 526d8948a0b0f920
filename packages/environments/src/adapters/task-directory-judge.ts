import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commandJudge, InvalidExpectedError, type Judge, JudgeInfraError } from '@ratchet/judges';
import { z } from 'zod';
import { parseAdapterOptions } from './parse-adapter-options';
import { testCommandSchema, testRunOptions } from './test-command';

export const taskDirectoryJudgeOptionsSchema = z.strictObject({
  id: z.string().min(1).default('task-directory-tests'),
  version: z.string().min(1).optional(),
  /** How the hidden tests are run; `{files}` lists the files of `tests/`. */
  testCommand: testCommandSchema.prefault({}),
  /** Where the judging copies are made (default: the OS temp dir). */
  tmpDir: z.string().min(1).optional(),
});
export type TaskDirectoryJudgeOptions = z.input<typeof taskDirectoryJudgeOptionsSchema>;

const expectedSchema = z.object({ testsDir: z.string().min(1) });

/**
 * Judges a task-directory task by its hidden tests: copies the work dir the worker left (the
 * context's `workDir`) to a fresh temp dir, puts the task's `tests/` there (replacing any `tests/` the
 * worker made) and runs them through `commandJudge`. The copy keeps the work dir free of the hidden
 * tests, so a later attempt in the same work dir never sees them. The output argument is ignored.
 * Hidden tests still running at `testCommand.timeoutMs` ran the worker's code, so they are an
 * unresolved verdict with `details.reason: 'timeout'`, not infra (as for `commandJudge`).
 *
 * @throws {AdapterOptionsError} when an option is invalid.
 * @example
 * const judge = taskDirectoryJudge({});
 * await judge.judge(task, null, { workDir: handle.workDir });
 * // => { resolved: true, scores: { correct: 1, passRate: 1, testsFailed: 0 }, details: { reason: 'passed', … } }
 */
export function taskDirectoryJudge(options: TaskDirectoryJudgeOptions = {}): Judge {
  const parsed = parseAdapterOptions('taskDirectoryJudge', taskDirectoryJudgeOptionsSchema, options);
  const identity = { id: parsed.id, ...(parsed.version === undefined ? {} : { version: parsed.version }) };
  return {
    ...identity,
    async judge(task, output, context = {}) {
      const expected = expectedSchema.safeParse(task.expected);
      if (!expected.success) {
        throw new InvalidExpectedError({
          judgeId: parsed.id,
          taskId: task.id,
          problem: 'expected { testsDir } (a task from taskDirectoryEnvironment)',
        });
      }
      if (context.workDir === undefined) {
        throw new JudgeInfraError({
          source: parsed.id,
          reason: 'no-work-dir',
          message: 'no work dir: judge with context.workDir set to the handle the environment opened.',
          isRetryable: false,
        });
      }
      const copy = await mkdtemp(join(parsed.tmpDir ?? tmpdir(), 'ratchet-judge-'));
      try {
        await cp(context.workDir, copy, { recursive: true, verbatimSymlinks: true }).catch((error: unknown) => {
          throw new JudgeInfraError({
            source: parsed.id,
            reason: 'no-work-dir',
            message: `the work dir ${context.workDir} could not be copied; was it closed before judging?`,
            isRetryable: false,
            cause: error,
          });
        });
        await rm(join(copy, 'tests'), { recursive: true, force: true });
        await cp(expected.data.testsDir, join(copy, 'tests'), { recursive: true });
        const run = await testRunOptions(parsed.testCommand, copy, 'tests');
        if (run === null) {
          throw new InvalidExpectedError({
            judgeId: parsed.id,
            taskId: task.id,
            problem: `${expected.data.testsDir} holds no file matching /${parsed.testCommand.testFiles}/`,
          });
        }
        return await commandJudge({ ...identity, ...run }).judge(task, output, { ...context, workDir: copy });
      } finally {
        await rm(copy, { recursive: true, force: true });
      }
    },
  };
}
