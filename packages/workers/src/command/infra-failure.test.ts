import { describe, expect, it } from 'vitest';
import { processRun, streamSummary } from './command-test-helpers';
import { infraFailure } from './infra-failure';
import type { AgentProcessRun } from './run-agent-process';

// An agent that exited 1 unless a test says otherwise.
const run = (overrides: Partial<AgentProcessRun> = {}) => processRun({ exitCode: 1, ...overrides });
const summary = streamSummary;
const context = { workerId: 'agent', command: 'agent' };
const stderr429 = { text: 'Error: 429 Too Many Requests', bytes: 28, droppedBytes: 0 };

describe('infraFailure', () => {
  it("leaves an agent still running at its time limit to the agent's outcome, reported success or not", () => {
    const timedOut = run({ termination: 'timed-out', exitCode: null, signal: 'SIGTERM' });
    expect(infraFailure(timedOut, summary(), context)).toBeNull();
    expect(infraFailure(timedOut, summary({ status: 'failed', errors: ['error_max_turns'] }), context)).toBeNull();
    expect(infraFailure(timedOut, summary({ status: 'succeeded' }), context)).toBeNull();
  });

  it('calls a time limit spent refused by the provider rate-limited', () => {
    const timedOut = run({ termination: 'timed-out', exitCode: null, signal: 'SIGTERM', stderr: stderr429 });
    expect(infraFailure(timedOut, summary(), context)?.reason).toBe('rate-limited');
  });

  it('reads stderr only when the agent reported no failure of its own', () => {
    expect(infraFailure(run({ stderr: stderr429 }), summary(), context)?.reason).toBe('rate-limited');
    const failed = summary({ status: 'failed', errors: ['error_max_turns'] });
    expect(infraFailure(run({ stderr: stderr429 }), failed, context)).toBeNull();
  });

  it('leaves a success alone whatever its logs say about rate limits', () => {
    const succeeded = summary({ status: 'succeeded', errors: ['rate limit, retrying'] });
    expect(infraFailure(run({ exitCode: 0, stderr: stderr429 }), succeeded, context)).toBeNull();
    const answered = summary({ output: 'Done.' });
    expect(infraFailure(run({ exitCode: 0, stderr: stderr429 }), answered, context)).toBeNull();
  });

  it('calls a plain non-zero exit the agent outcome', () => {
    expect(
      infraFailure(run({ stderr: { text: 'Error: tests failed', bytes: 19, droppedBytes: 0 } }), summary(), context),
    ).toBeNull();
  });
});
