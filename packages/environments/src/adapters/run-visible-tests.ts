import type { CheckResult } from '@ratchet/corpus';
import { visibleTestsCheck } from '@ratchet/judges';
import { type TestCommand, testRunOptions } from './test-command';

/**
 * Runs a work dir's `visible-tests/` through `visibleTestsCheck`. A folder with no test file left (the
 * worker deleted them) is a failed check with an unknown score, not a broken harness; so are tests
 * still running at the time limit (`details.reason: 'timeout'`): they hang on the worker's code.
 */
export async function runVisibleTests(testCommand: TestCommand, workDir: string): Promise<CheckResult> {
  const run = await testRunOptions(testCommand, workDir, 'visible-tests');
  if (run === null) return { name: 'visible-tests', passed: false, score: null, details: { reason: 'no-test-files' } };
  return visibleTestsCheck(run).run(null, { workDir });
}
