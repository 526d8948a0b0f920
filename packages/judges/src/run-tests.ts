import { readFile, rm } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { JudgeInfraError } from './judge-infra-error';
import { parseJUnitReport } from './parse-junit-report';
import { type CommandRun, runCommand, runCommandOptionsSchema } from './run-command';
import { TapCounter } from './tap-counter';
import type { TestCounts } from './test-counts';

/** Where test results are read from: a JUnit XML file, TAP on stdout, or only the exit code. */
export const testReportSchema = z.discriminatedUnion('format', [
  z.strictObject({ format: z.literal('junit'), path: z.string().min(1) }),
  z.strictObject({ format: z.literal('tap') }),
  z.strictObject({ format: z.literal('exit-code') }),
]);
export type TestReport = z.infer<typeof testReportSchema>;

/** Options shared by `commandJudge` and `visibleTestsCheck`. */
export const testCommandOptionsSchema = runCommandOptionsSchema
  .omit({ cwd: true, signal: true, onOutput: true, source: true })
  .extend({
    /** Where the command runs; defaults to the context's work dir. */
    cwd: z.string().min(1).optional(),
    /** How results are read (default: the exit code only). A JUnit path is relative to the work dir. */
    report: testReportSchema.default({ format: 'exit-code' }),
    /** Fewest passing tests for a pass when a report is read (default 1: zero tests run is not a pass). */
    minPassed: z.number().int().nonnegative().default(1),
  });
export type TestCommandOptions = z.output<typeof testCommandOptionsSchema>;

/**
 * Why a test run passed or not: `passed`; `tests-failed` (the report lists failures, or too few passes);
 * `exit-code` (no report, or the report passed but the command exited non-zero); `crashed` (a signal
 * the harness did not send ended it); `bailout` (TAP `Bail out!`); `no-report` (the command failed
 * before writing the expected report or any TAP); `timeout` (the tests were still running at
 * `timeoutMs`, so the harness killed them).
 */
export type TestRunReason = 'passed' | 'tests-failed' | 'exit-code' | 'crashed' | 'bailout' | 'no-report' | 'timeout';

/** A test command that ran to its end or to its time limit, with what it reported. */
export interface TestRun {
  passed: boolean;
  reason: TestRunReason;
  /**
   * Counts from the report; null for `exit-code` reports and when no report was written. For a
   * `timeout`, what was reported before the kill (TAP read so far, a JUnit file already written).
   */
  counts: TestCounts | null;
  run: CommandRun;
}

/**
 * Runs a test command and reads its report, separating "the tests failed" (returned, `passed: false`)
 * from "the harness broke" (thrown). Shared by `commandJudge` and `visibleTestsCheck`. A JUnit report
 * file is deleted before the run, so a stale report can never be read.
 *
 * Tests still running at `timeoutMs` failed (reason `timeout`): they run the agent's code, so a hang
 * is most likely the agent's, and an arm that makes the code loop must lose the task rather than have
 * it retried (docs/design.md rule 4). The whole process tree is killed; counts are what was reported by then.
 *
 * @throws {JudgeInfraError} `no-work-dir`; `command-not-found` and `spawn-failed` (from runCommand, or
 *   exit 127 under a shell); `aborted`; `report-missing` when the command exited 0 without writing the
 *   JUnit file; `report-unparseable` when the report is not valid JUnit XML, or a command that exited 0
 *   printed no TAP.
 */
export async function runTests(
  options: TestCommandOptions,
  context: { workDir?: string | undefined; signal?: AbortSignal | undefined },
  source: string,
): Promise<TestRun> {
  const { report, minPassed, cwd: cwdOption, ...commandOptions } = options;
  const cwd = cwdOption ?? context.workDir;
  const commandLine = [options.command, ...options.args].join(' ');
  const infra = (reason: JudgeInfraError['reason'], message: string, isRetryable: boolean, cause?: unknown) =>
    new JudgeInfraError({ source, reason, message, isRetryable, command: commandLine, cause });
  if (cwd === undefined) {
    throw infra('no-work-dir', 'no work dir: pass the cwd option or run with context.workDir set.', false);
  }

  const reportPath = report.format === 'junit' ? (isAbsolute(report.path) ? report.path : join(cwd, report.path)) : '';
  if (report.format === 'junit') await rm(reportPath, { force: true });
  const tap = report.format === 'tap' ? new TapCounter() : undefined;
  const run = await runCommand({
    ...commandOptions,
    cwd,
    source,
    ...(context.signal === undefined ? {} : { signal: context.signal }),
    ...(tap === undefined ? {} : { onOutput: (stream, chunk) => stream === 'stdout' && tap.write(chunk) }),
  });

  if (run.termination === 'aborted') throw infra('aborted', 'the test command was aborted by the caller.', false);
  if (options.shell && run.exitCode === 127) {
    throw infra('command-not-found', 'the shell could not find the command (exit 127). Install it or fix PATH.', false);
  }
  const exitedZero = run.termination === 'exited' && run.exitCode === 0;
  const crashed = run.termination === 'signaled';
  const finish = (passed: boolean, reason: TestRunReason, counts: TestCounts | null): TestRun => ({
    passed,
    reason,
    counts,
    run,
  });
  const judgeCounts = (counts: TestCounts): TestRun => {
    if (counts.failed > 0 || counts.passed < minPassed) return finish(false, 'tests-failed', counts);
    if (crashed) return finish(false, 'crashed', counts);
    return exitedZero ? finish(true, 'passed', counts) : finish(false, 'exit-code', counts);
  };

  if (run.termination === 'timed-out') {
    const counts = tap === undefined ? await countsWritten(reportPath) : countsSeen(tap);
    return finish(false, 'timeout', counts);
  }

  if (report.format === 'exit-code') {
    if (crashed) return finish(false, 'crashed', null);
    return exitedZero ? finish(true, 'passed', null) : finish(false, 'exit-code', null);
  }

  if (report.format === 'tap') {
    const summary = (tap as TapCounter).end();
    if (!summary.sawTap) {
      if (exitedZero) {
        throw infra(
          'report-unparseable',
          'the command exited 0 but printed no TAP on stdout. Check its reporter.',
          false,
        );
      }
      return finish(false, crashed ? 'crashed' : 'no-report', null);
    }
    if (summary.bailout !== false) return finish(false, 'bailout', summary.counts);
    return judgeCounts(summary.counts);
  }

  let xml: string;
  try {
    xml = await readFile(reportPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw infra('report-unparseable', `the JUnit report ${report.path} could not be read.`, false, error);
    }
    if (exitedZero) {
      throw infra(
        'report-missing',
        `the command exited 0 but wrote no JUnit report at ${report.path}. Check the report path and the reporter.`,
        false,
      );
    }
    return finish(false, crashed ? 'crashed' : 'no-report', null);
  }
  const parsed = parseJUnitReport(xml);
  if (!parsed.ok) {
    throw infra(
      'report-unparseable',
      `the JUnit report ${report.path} could not be parsed: ${parsed.problem}. Expected <testsuites> or <testsuite> with <testcase> elements.`,
      false,
    );
  }
  return judgeCounts(parsed.counts);
}

/** The TAP counts read before the kill; null when no TAP had appeared. */
function countsSeen(tap: TapCounter): TestCounts | null {
  const summary = tap.end();
  return summary.sawTap ? summary.counts : null;
}

/**
 * The counts of a JUnit report the killed command had already written; null when there is none, or
 * it was cut off mid-write (a partial report is expected of a killed run, not a broken harness).
 */
async function countsWritten(reportPath: string): Promise<TestCounts | null> {
  if (reportPath === '') return null;
  const xml = await readFile(reportPath, 'utf8').catch(() => null);
  if (xml === null) return null;
  const parsed = parseJUnitReport(xml);
  return parsed.ok ? parsed.counts : null;
}
