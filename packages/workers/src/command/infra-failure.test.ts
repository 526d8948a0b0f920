import { describe, expect, it } from 'vitest';
import type { StreamSummary } from './event-stream-parser';
import { infraFailure } from './infra-failure';
import type { AgentProcessRun } from './run-agent-process';
import { streamUsage } from './stream-usage';

const run = (overrides: Partial<AgentProcessRun> = {}): AgentProcessRun => ({
  termination: 'exited',
  exitCode: 1,
  signal: null,
  durationMs: 10,
  stdoutBytes: 0,
  stderr: { text: '', bytes: 0, droppedBytes: 0 },
  ...overrides,
});
const summary = (overrides: Partial<StreamSummary> = {}): StreamSummary => ({
  output: null,
  usage: streamUsage({ turns: null, tokensIn: null, tokensOut: null, usd: null }),
  status: 'unknown',
  errors: [],
  ...overrides,
});
const context = { workerId: 'agent', command: 'agent', timeoutMs: 1000 };
const stderr429 = { text: 'Error: 429 Too Many Requests', bytes: 28, droppedBytes: 0 };

describe('infraFailure', () => {
  it('calls a timeout infra unless the agent had already reported success', () => {
    expect(infraFailure(run({ termination: 'timed-out', exitCode: null }), summary(), context)?.reason).toBe('timeout');
    expect(infraFailure(run({ termination: 'timed-out' }), summary({ status: 'succeeded' }), context)).toBeNull();
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
