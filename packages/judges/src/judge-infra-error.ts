import { JudgeError } from './judge-error';

/**
 * Why the harness, not the output, failed:
 * - `command-not-found`: the executable does not exist (spawn ENOENT, or exit 127 from a shell).
 * - `spawn-failed`: the process could not be started (permissions, no free processes, a bad work dir).
 * - `timeout`: the harness's own wait ran out (a judge whose scoring call has a deadline). Tests
 *   killed at their time limit are not one: they ran the agent's code, so `commandJudge` and
 *   `visibleTestsCheck` return a failed verdict or check with reason `timeout` instead.
 * - `aborted`: the caller's abort signal fired.
 * - `report-missing`: the command succeeded but the report file it should have written is not there.
 * - `report-unparseable`: the report the judge was told to read exists but is not valid JUnit XML or TAP.
 * - `judge-call-failed`: a scoring function (an LLM call) threw.
 * - `judge-output-invalid`: a scoring function returned something that does not match its schema.
 * - `no-work-dir`: a judge or check that runs a command got neither a `cwd` option nor `context.workDir`.
 */
export type JudgeInfraReason =
  | 'command-not-found'
  | 'spawn-failed'
  | 'timeout'
  | 'aborted'
  | 'report-missing'
  | 'report-unparseable'
  | 'judge-call-failed'
  | 'judge-output-invalid'
  | 'no-work-dir';

/**
 * The harness broke, so there is no verdict (docs/design.md rule 4: infra errors are not outcomes). Retry when
 * `isRetryable`; a failure that persists marks the cell `infra` and the pair is excluded, never scored.
 */
export class JudgeInfraError extends JudgeError {
  /** The judge id or check name that failed. */
  readonly source: string;
  readonly reason: JudgeInfraReason;
  /** True when the same call may succeed if repeated (a flaky model call, EAGAIN). */
  readonly isRetryable: boolean;
  /** The command line, for failures of a command; undefined otherwise. */
  readonly command: string | undefined;

  constructor(options: {
    source: string;
    reason: JudgeInfraReason;
    message: string;
    isRetryable: boolean;
    command?: string;
    cause?: unknown;
  }) {
    super(`${options.source}: ${options.message}`, { cause: options.cause });
    this.name = 'JudgeInfraError';
    this.source = options.source;
    this.reason = options.reason;
    this.isRetryable = options.isRetryable;
    this.command = options.command;
  }

  static override isInstance(error: unknown): error is JudgeInfraError {
    return JudgeError.isInstance(error) && (error as Error).name === 'JudgeInfraError';
  }
}
