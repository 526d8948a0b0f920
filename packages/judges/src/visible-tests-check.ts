import { checkResultSchema } from '@ratchet/corpus';
import type { z } from 'zod';
import type { Check } from './check';
import { checkNameSchema } from './check-name';
import { parseOptions } from './parse-options';
import { runTests, testCommandOptionsSchema } from './run-tests';
import { passRate, testRunDetails } from './test-run-details';

const optionsSchema = testCommandOptionsSchema.extend({ name: checkNameSchema.default('visible-tests') });
export type VisibleTestsCheckOptions = z.input<typeof optionsSchema>;

/**
 * Runs the tests the worker may see, through the same runner as `commandJudge` (same report formats,
 * timeout, output cap and process-tree kill). `passed` is whether they passed; `score` is the pass
 * rate (null without counts). Tests still running at `timeoutMs` fail the check with
 * `details.reason: 'timeout'`; a broken harness throws `JudgeInfraError`, as for `commandJudge`.
 *
 * @throws {InvalidOptionsError} when an option is invalid.
 * @example
 * const check = visibleTestsCheck({ command: 'node', args: ['--test', '--test-reporter=tap'], report: { format: 'tap' } });
 * await check.run(output, { workDir });
 * // => { name: 'visible-tests', passed: false, score: 0.5, details: { reason: 'tests-failed', counts: { passed: 1, failed: 1, skipped: 0 }, … } }
 */
export function visibleTestsCheck(options: VisibleTestsCheckOptions): Check {
  const { name, ...testOptions } = parseOptions('visibleTestsCheck', optionsSchema, options);
  return {
    name,
    async run(_output, context = {}) {
      const testRun = await runTests(testOptions, context, name);
      return checkResultSchema.parse({
        name,
        passed: testRun.passed,
        score: passRate(testRun),
        details: testRunDetails(testRun),
      });
    },
  };
}
