import type { JsonValue } from '@ratchet/corpus';
import type { CapturedOutput } from './capped-output';
import type { TestRun } from './run-tests';

/** Characters of each stream's kept output repeated in details; the full text stays in the CommandRun. */
const excerptChars = 2000;

/** The JSON details a test run leaves in a verdict or a check result: outcome, counts, output excerpts. */
export function testRunDetails(testRun: TestRun): JsonValue {
  const { run } = testRun;
  return {
    reason: testRun.reason,
    counts: testRun.counts === null ? null : { ...testRun.counts },
    command: run.command,
    termination: run.termination,
    exitCode: run.exitCode,
    signal: run.signal,
    durationMs: Math.round(run.durationMs),
    stdout: outputDetails(run.stdout),
    stderr: outputDetails(run.stderr),
  };
}

/** Pass rate of a test run: passed / (passed + failed), null when no counted test passed or failed. */
export function passRate(testRun: TestRun): number | null {
  if (testRun.counts === null) return null;
  const decided = testRun.counts.passed + testRun.counts.failed;
  return decided === 0 ? null : testRun.counts.passed / decided;
}

function outputDetails(output: CapturedOutput): JsonValue {
  return {
    bytes: output.bytes,
    droppedBytes: output.droppedBytes,
    // The end of the kept output: where runners print their summary and the first error usually sits.
    excerpt: output.text.slice(-excerptChars),
  };
}
