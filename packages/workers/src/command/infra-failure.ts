import { CommandWorkerError } from './command-worker-error';
import { detectRateLimit } from './detect-rate-limit';
import type { StreamSummary } from './event-stream-parser';
import type { AgentProcessRun } from './run-agent-process';

/**
 * Decides whether a finished run failed for the harness's reasons rather than the agent's, and if so
 * the error to throw (DESIGN rule 4). Of the endings of a run that started, one is infra: the
 * provider refused for now (rate limit, overload), and the agent did not go on to succeed: it did not
 * report success and, if its format has no such report, it did not exit 0 with an output. Only error
 * texts are searched: the agent's reported errors when it says it failed, and stderr too when it said
 * nothing, so an answer that merely mentions rate limits is never mistaken for one. An agent that
 * spent its time limit being refused is infra too: the stall was the provider's.
 *
 * Everything else is the agent's outcome (returns null; see `attemptFailure`): a non-zero exit, a
 * crash, and an agent still running at its own time limit, which an arm that makes agents loop must
 * lose rather than have retried. Spawn failures are thrown earlier, by `runAgentProcess`.
 */
export function infraFailure(
  run: AgentProcessRun,
  summary: StreamSummary,
  context: { workerId: string; command: string },
): CommandWorkerError | null {
  if (summary.status === 'succeeded') return null;
  // A format with no success report (plain text) that exited 0 with an answer recovered from any
  // rate limit it logged on the way.
  const exitedWithAnswer = run.termination === 'exited' && run.exitCode === 0 && summary.output !== null;
  if (summary.status === 'unknown' && exitedWithAnswer) return null;
  const texts = summary.status === 'failed' ? summary.errors : [...summary.errors, run.stderr.text];
  const hint = detectRateLimit(texts);
  if (hint === null) return null;
  return new CommandWorkerError({
    reason: 'rate-limited',
    message: `${context.workerId}: the agent's provider refused the request for now: ${hint.message}`,
    command: context.command,
    isRetryable: true,
    ...(hint.retryAfterMs === undefined ? {} : { retryAfterMs: hint.retryAfterMs }),
  });
}
