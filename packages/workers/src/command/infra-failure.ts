import type { CommandWorkerError } from './command-worker-error';
import { detectRateLimit } from './detect-rate-limit';
import type { AgentActivity, ProviderFailure, StreamSummary } from './event-stream-parser';
import { type FailureHints, providerFailureError } from './provider-failure-error';
import type { AgentProcessRun } from './run-agent-process';

/** What `infraFailure` needs besides the run and its summary. */
export interface InfraFailureContext {
  readonly workerId: string;
  readonly command: string;
  readonly timeoutMs: number;
  /** The last thing the agent was doing (`parser.activity()`), or null. */
  readonly activity: AgentActivity | null;
  /** The preset's fixes, by failure kind. */
  readonly hints?: FailureHints;
}

/**
 * Decides whether a finished run failed for the harness's reasons rather than the agent's, and if so
 * the error to throw (docs/design.md rule 4). The one such ending of a run that started: its model provider
 * failed it, and the agent did not go on to succeed (it did not report success and, if its format has
 * no such report, it did not exit 0 with an output). The failure, in order of what the agent said:
 * 1. killed at its time limit while its last activity was retrying the provider (Codex retries an
 *    unreachable API for ever, Claude Code for minutes): the failure it was retrying;
 * 2. the last provider failure the CLI gave up on (`summary.providerFailures`);
 * 3. a retry it was still in when it exited;
 * 4. a rate-limit or overload message in its error texts: the agent's reported errors when it says it
 *    failed, and stderr too when it said nothing, so an answer that merely mentions rate limits is
 *    never mistaken for one.
 * Every kind becomes a `scope: 'run'` error (see `providerFailureError`).
 *
 * Everything else is the agent's outcome (returns null; see `attemptFailure`): a non-zero exit, a
 * crash, and an agent still running at its own time limit, which an arm that makes agents loop must
 * lose rather than have retried. Spawn failures are thrown earlier, by `runAgentProcess`.
 */
export function infraFailure(
  run: AgentProcessRun,
  summary: StreamSummary,
  context: InfraFailureContext,
): CommandWorkerError | null {
  if (summary.status === 'succeeded') return null;
  // A format with no success report (plain text) that exited 0 with an answer recovered from any
  // failure it logged on the way.
  const exitedWithAnswer = run.termination === 'exited' && run.exitCode === 0 && summary.output !== null;
  if (summary.status === 'unknown' && exitedWithAnswer) return null;

  const retry = context.activity?.providerRetry;
  const common = {
    workerId: context.workerId,
    command: context.command,
    ...(context.hints ? { hints: context.hints } : {}),
  };
  if (run.termination === 'timed-out' && retry !== undefined && context.activity !== null) {
    return providerFailureError(retry, {
      ...common,
      stalledAt: { timeoutMs: context.timeoutMs, activity: context.activity },
    });
  }
  const failure = summary.providerFailures.at(-1) ?? retry ?? textFailure(run, summary);
  return failure === undefined ? null : providerFailureError(failure, common);
}

/** A rate limit or overload the error texts describe, for CLIs (or versions) with no structured failure. */
function textFailure(run: AgentProcessRun, summary: StreamSummary): ProviderFailure | undefined {
  const texts = summary.status === 'failed' ? summary.errors : [...summary.errors, run.stderr.text];
  const hint = detectRateLimit(texts);
  if (hint === null) return undefined;
  return {
    kind: /overloaded|\b529\b/i.test(hint.message) ? 'overloaded' : 'rate-limit',
    message: hint.message,
    ...(hint.retryAfterMs === undefined ? {} : { retryAfterMs: hint.retryAfterMs }),
  };
}
