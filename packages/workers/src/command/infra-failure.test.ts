import { describe, expect, it } from 'vitest';
import { processRun, streamSummary } from './command-test-helpers';
import type { AgentActivity, ProviderFailure } from './event-stream-parser';
import { type InfraFailureContext, infraFailure } from './infra-failure';
import type { AgentProcessRun } from './run-agent-process';

// An agent that exited 1 unless a test says otherwise.
const run = (overrides: Partial<AgentProcessRun> = {}) => processRun({ exitCode: 1, ...overrides });
const timedOut = run({ termination: 'timed-out', exitCode: null, signal: 'SIGTERM' });
const summary = streamSummary;
const context = (overrides: Partial<InfraFailureContext> = {}): InfraFailureContext => ({
  workerId: 'agent',
  command: 'agent',
  timeoutMs: 60_000,
  activity: null,
  ...overrides,
});
const stderr429 = { text: 'Error: 429 Too Many Requests', bytes: 28, droppedBytes: 0 };
const noKey: ProviderFailure = { kind: 'credentials', message: 'Not logged in · Please run /login', status: 401 };
const offline: ProviderFailure = { kind: 'network', message: 'connection_failed' };
const retrying: AgentActivity = { text: 'retrying the API: connection_failed (attempt 7)', providerRetry: offline };

describe('infraFailure', () => {
  it("leaves an agent still running at its time limit to the agent's outcome, reported success or not", () => {
    expect(infraFailure(timedOut, summary(), context())).toBeNull();
    expect(infraFailure(timedOut, summary({ status: 'failed', errors: ['error_max_turns'] }), context())).toBeNull();
    expect(infraFailure(timedOut, summary({ status: 'succeeded' }), context())).toBeNull();
    expect(infraFailure(timedOut, summary(), context({ activity: { text: 'running tool Bash' } }))).toBeNull();
  });

  it('calls a time limit spent retrying the provider infra of the kind it was retrying, naming the retry', () => {
    const error = infraFailure(timedOut, summary(), context({ activity: retrying }));
    expect(error).toMatchObject({ reason: 'unreachable', scope: 'run', isRetryable: true });
    expect(error?.message).toBe(
      'agent: the provider could not be reached: connection_failed; it was still retrying at its time limit ' +
        '(timeoutMs 60000 ms), last: retrying the API: connection_failed (attempt 7). ' +
        'To fix: check the network, any proxy (HTTPS_PROXY) and the base URL the CLI is given.',
    );
    // Retrying a refused key for the whole time limit is still a key to fix, not something to retry.
    const refusedKey = { text: 'retrying the API: authentication_failed (attempt 9)', providerRetry: noKey };
    expect(infraFailure(timedOut, summary(), context({ activity: refusedKey }))).toMatchObject({
      reason: 'credentials',
      isRetryable: false,
    });
  });

  it('calls a time limit spent refused by the provider rate-limited', () => {
    const refused = run({ termination: 'timed-out', exitCode: null, signal: 'SIGTERM', stderr: stderr429 });
    expect(infraFailure(refused, summary(), context())).toMatchObject({ reason: 'rate-limited', scope: 'run' });
  });

  it("stops the run at once on refused credentials, with the preset's hint", () => {
    const hints = { credentials: 'set ANTHROPIC_API_KEY or run `claude /login`' };
    const error = infraFailure(run(), summary({ status: 'failed', providerFailures: [noKey] }), context({ hints }));
    expect(error).toMatchObject({ name: 'InfraError', reason: 'credentials', scope: 'run', isRetryable: false });
    expect(error?.message).toBe(
      'agent: the provider refused its credentials (HTTP 401): Not logged in · Please run /login. ' +
        'To fix: set ANTHROPIC_API_KEY or run `claude /login`.',
    );
    expect(error?.providerFailure).toEqual(noKey);
  });

  it('classifies the last failure the CLI gave up on, with the wait the provider asked for', () => {
    const overloaded: ProviderFailure = { kind: 'overloaded', message: 'Overloaded', status: 529 };
    const limited: ProviderFailure = { kind: 'rate-limit', message: 'rate_limit', status: 429, retryAfterMs: 7000 };
    const error = infraFailure(run(), summary({ providerFailures: [overloaded, limited] }), context());
    expect(error).toMatchObject({ reason: 'rate-limited', scope: 'run', isRetryable: true, retryAfterMs: 7000 });
  });

  it('calls an exit in the middle of a provider retry infra of that kind', () => {
    expect(infraFailure(run(), summary(), context({ activity: retrying }))).toMatchObject({ reason: 'unreachable' });
  });

  it('leaves an agent that went on to succeed alone, whatever failures it reported on the way', () => {
    const succeeded = summary({ status: 'succeeded', providerFailures: [noKey], errors: ['rate limit, retrying'] });
    expect(infraFailure(run({ exitCode: 0 }), succeeded, context({ activity: retrying }))).toBeNull();
    const answered = summary({ output: 'Done.' });
    expect(infraFailure(run({ exitCode: 0, stderr: stderr429 }), answered, context())).toBeNull();
  });

  it('reads stderr only when the agent reported no failure of its own', () => {
    expect(infraFailure(run({ stderr: stderr429 }), summary(), context())?.reason).toBe('rate-limited');
    const failed = summary({ status: 'failed', errors: ['error_max_turns'] });
    expect(infraFailure(run({ stderr: stderr429 }), failed, context())).toBeNull();
  });

  it('tells an overloaded provider from a rate limit in error text', () => {
    const overloaded = summary({ status: 'failed', errors: ['API Error: 529 {"type":"overloaded_error"}'] });
    expect(infraFailure(run(), overloaded, context())).toMatchObject({ reason: 'overloaded', isRetryable: true });
  });

  it('calls a plain non-zero exit the agent outcome', () => {
    const stderr = { text: 'Error: tests failed', bytes: 19, droppedBytes: 0 };
    expect(infraFailure(run({ stderr }), summary(), context({ activity: { text: 'running tool Bash' } }))).toBeNull();
  });
});
