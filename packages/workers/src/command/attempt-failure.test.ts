import { describe, expect, it } from 'vitest';
import { attemptFailure } from './attempt-failure';
import { processRun, streamSummary } from './command-test-helpers';

const run = processRun;
const summary = streamSummary;
const timeoutMs = 1000;

describe('attemptFailure', () => {
  it('calls an agent still running at its time limit a timeout, unless it had reported success', () => {
    const timedOut = run({ termination: 'timed-out', exitCode: null, signal: 'SIGTERM', stderrHead: 'working' });
    expect(attemptFailure(timedOut, summary({ status: 'failed', errors: ['x'] }), timeoutMs, null)).toEqual({
      reason: 'timeout',
      message:
        'the agent was still running at its time limit (timeoutMs 1000 ms); its process tree was killed; it had reported no activity',
      stderr: 'working',
    });
    expect(attemptFailure(timedOut, summary({ status: 'succeeded' }), timeoutMs, null)).toBeUndefined();
  });

  it('names the last thing a timed-out agent was doing', () => {
    const timedOut = run({ termination: 'timed-out', exitCode: null, signal: 'SIGTERM' });
    expect(attemptFailure(timedOut, summary(), timeoutMs, { text: 'running tool Bash' })?.message).toBe(
      'the agent was still running at its time limit (timeoutMs 1000 ms); its process tree was killed; last: running tool Bash',
    );
  });

  it('calls a non-zero exit an exit, whatever the stream said', () => {
    expect(
      attemptFailure(run({ exitCode: 3 }), summary({ status: 'failed', errors: ['boom'] }), timeoutMs, null),
    ).toEqual({
      reason: 'exit',
      message: 'the agent exited with code 3',
    });
  });

  it('calls a signal the harness did not send a signal', () => {
    const crashed = run({ termination: 'signaled', exitCode: null, signal: 'SIGKILL', stderrHead: 'Killed' });
    expect(attemptFailure(crashed, summary(), timeoutMs, null)).toEqual({
      reason: 'signal',
      message: 'the agent was killed by SIGKILL',
      stderr: 'Killed',
    });
  });

  it("calls a clean exit after a failed stream an error, with the stream's first error on one line", () => {
    const failed = summary({ status: 'failed', errors: ['error_max_turns\nafter 3 turns', 'second'] });
    expect(attemptFailure(run(), failed, timeoutMs, null)).toEqual({
      reason: 'error',
      message: 'the agent reported a failure: error_max_turns',
    });
    expect(attemptFailure(run(), summary({ status: 'failed' }), timeoutMs, null)?.message).toBe(
      'the agent reported a failure',
    );
  });

  it('finds no failure in a clean exit whose stream did not report one', () => {
    expect(
      attemptFailure(run({ stderrHead: 'a warning' }), summary({ output: 'done' }), timeoutMs, null),
    ).toBeUndefined();
    expect(attemptFailure(run(), summary({ status: 'succeeded' }), timeoutMs, null)).toBeUndefined();
  });
});
