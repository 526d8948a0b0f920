import type { AttemptFailure } from '@ratchet/runtime';
import type { AgentActivity, StreamSummary } from './event-stream-parser';
import type { AgentProcessRun } from './run-agent-process';

/** Characters of the agent's own error kept in an `error` failure's one-line message. */
const maxErrorChars = 500;

/**
 * How an agent that ran failed, as its outcome (docs/design.md rule 4: it is scored, never retried), or
 * undefined when it did not fail. In order:
 * - `timeout`: still running at `timeoutMs` without having reported success (its tree was killed);
 *   the message names its last activity, so a reader can tell a loop from a stall;
 * - `signal`: ended by a signal the harness did not send (a crash, the OOM killer);
 * - `exit`: exited with a non-zero code;
 * - `error`: exited 0, but its own stream reported failure (the stream's first error is the message).
 * `stderr` carries the first lines of stderr when there were any. Call it only once `infraFailure`
 * found nothing that was the harness's.
 *
 * @example
 * attemptFailure({ termination: 'exited', exitCode: 1, stderrHead: 'Error: Cannot find module …', … }, summary, 60_000, null)
 * // => { reason: 'exit', message: 'the agent exited with code 1', stderr: 'Error: Cannot find module …' }
 */
export function attemptFailure(
  run: AgentProcessRun,
  summary: StreamSummary,
  timeoutMs: number,
  activity: AgentActivity | null,
): AttemptFailure | undefined {
  const failure = (reason: AttemptFailure['reason'], message: string): AttemptFailure => ({
    reason,
    message,
    ...(run.stderrHead === '' ? {} : { stderr: run.stderrHead }),
  });
  if (run.termination === 'timed-out') {
    // An agent that reported its result and then failed to exit (an MCP server left running) keeps it.
    if (summary.status === 'succeeded') return undefined;
    const last = activity === null ? 'it had reported no activity' : `last: ${activity.text}`;
    return failure(
      'timeout',
      `the agent was still running at its time limit (timeoutMs ${timeoutMs} ms); its process tree was killed; ${last}`,
    );
  }
  if (run.termination === 'signaled') return failure('signal', `the agent was killed by ${run.signal ?? 'a signal'}`);
  if (run.exitCode !== 0) return failure('exit', `the agent exited with code ${run.exitCode}`);
  if (summary.status !== 'failed') return undefined;
  const first = summary.errors[0]?.split('\n')[0]?.trim().slice(0, maxErrorChars);
  return failure('error', first ? `the agent reported a failure: ${first}` : 'the agent reported a failure');
}
