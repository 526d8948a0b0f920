import type { z } from 'zod';
import { correctObjective, createVerdict } from './create-verdict';
import type { Judge } from './judge';
import { judgeIdentityShape } from './judge-identity';
import { parseOptions } from './parse-options';
import { runTests, testCommandOptionsSchema } from './run-tests';
import { passRate, testRunDetails } from './test-run-details';

/** The options of `commandJudge`, for configs that name them (with defaults filled in when parsed). */
export const commandJudgeOptionsSchema = testCommandOptionsSchema.extend(judgeIdentityShape);
const optionsSchema = commandJudgeOptionsSchema;
export type CommandJudgeOptions = z.input<typeof optionsSchema>;

/**
 * Judges a task by running its test command in the task's work dir (`cwd`, or `context.workDir`):
 * the output argument is ignored, since what is judged is the state the worker left in the work dir.
 * Results are read from a JUnit XML file, TAP on stdout, or the exit code alone. Resolved when the
 * command exits 0, the report lists no failure and at least `minPassed` passing tests.
 * Objectives: `correct` (1 or 0), `passRate` (passed / (passed + failed), null without counts), both
 * maximized, and `testsFailed` (minimized, null without counts).
 *
 * A failing test suite is a verdict, and so is one still running at `timeoutMs`: the tests run the
 * agent's code, so the hang is the agent's (`resolved: false`, `details.reason: 'timeout'`, counts as
 * reported before the kill). A broken harness is a `JudgeInfraError` (see runTests): the command is
 * missing or was aborted by the caller, or the report it was expected to write is missing or
 * unparseable. On timeout or abort the whole process tree is killed.
 *
 * @throws {InvalidOptionsError} when an option is invalid.
 * @example
 * const judge = commandJudge({
 *   command: 'npx', args: ['vitest', 'run', '--reporter=junit', '--outputFile=junit.xml'],
 *   report: { format: 'junit', path: 'junit.xml' }, timeoutMs: 120_000,
 * });
 * const verdict = await judge.judge(task, null, { workDir: '/tmp/task-1' });
 * // => { resolved: false, scores: { correct: 0, passRate: 0.75, testsFailed: 1 }, details: { reason: 'tests-failed', … } }
 */
export function commandJudge(options: CommandJudgeOptions): Judge {
  const { id = 'command', version, ...testOptions } = parseOptions('commandJudge', optionsSchema, options);
  return {
    id,
    ...(version === undefined ? {} : { version }),
    async judge(_task, _output, context = {}) {
      const testRun = await runTests(testOptions, context, id);
      return createVerdict(
        {
          judge: { id, version },
          resolved: testRun.passed,
          scores: {
            correct: correctObjective(testRun.passed),
            passRate: { value: passRate(testRun), direction: 'maximize' },
            testsFailed: { value: testRun.counts?.failed ?? null, direction: 'minimize' },
          },
          details: testRunDetails(testRun),
        },
        context,
      );
    },
  };
}
