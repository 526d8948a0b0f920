import { describe, expect, it } from 'vitest';
import { claudeCodeParser } from './claude-code-parser';
import { attemptInput, never, streamSummary, testWorkDir } from './command-test-helpers';
import { commandWorker } from './command-worker';
import type { CommandWorkerOptions } from './command-worker-options';
import type { AgentActivity, EventStreamParser, ProviderFailure } from './event-stream-parser';
import { InvalidWorkerOptionsError } from './invalid-worker-options-error';

const workDir = testWorkDir();
const hang = 'setInterval(() => {}, 1000)';
const script = (source: string, options: Partial<CommandWorkerOptions> = {}) =>
  commandWorker({
    id: 'scripted',
    command: process.execPath,
    args: ['-e', source],
    killGraceMs: 100,
    timeoutMs: 600,
    ...options,
  });

/** A parser that reads nothing and reports what a test gives it. */
const reporting =
  (report: { activity?: () => AgentActivity | null; providerFailures?: ProviderFailure[] }) =>
  (): EventStreamParser => ({
    parseLine: () => [],
    finish: () => streamSummary({ status: 'failed', providerFailures: report.providerFailures ?? [] }),
    ...(report.activity === undefined ? {} : { activity: report.activity }),
  });

const toolUse = JSON.stringify({
  type: 'assistant',
  message: {
    role: 'assistant',
    content: [{ type: 'tool_use', id: 'toolu_1', name: 'Bash', input: { command: 'npm test' } }],
  },
});

describe('commandWorker provider failures', () => {
  it('throws a run-wide infra error when the agent was retrying its provider at its time limit', async () => {
    const activity = {
      text: 'retrying the API: connection_failed (attempt 2)',
      providerRetry: { kind: 'network' as const, message: 'connection_failed' },
    };
    const error = await script(hang, { parser: reporting({ activity: () => activity }) })
      .attempt(attemptInput(workDir()), never)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'InfraError', reason: 'unreachable', scope: 'run', isRetryable: true });
    expect((error as Error).message).toContain(
      'it was still retrying at its time limit (timeoutMs 600 ms), last: retrying the API: connection_failed (attempt 2)',
    );
  });

  it("stops the run on refused credentials, with the worker's hint for them", async () => {
    const parser = reporting({
      providerFailures: [{ kind: 'credentials', message: 'invalid x-api-key', status: 401 }],
    });
    const error = await script('process.exit(1)', { parser, failureHints: { credentials: 'set MY_AGENT_KEY' } })
      .attempt(attemptInput(workDir()), never)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ reason: 'credentials', scope: 'run', isRetryable: false });
    expect((error as Error).message).toBe(
      'scripted: the provider refused its credentials (HTTP 401): invalid x-api-key. To fix: set MY_AGENT_KEY.',
    );
  });

  it('takes failure hints by kind, and refuses a kind there is no such failure of', () => {
    expect(script('', { failureHints: { credentials: 'set MY_AGENT_KEY', network: 'check the VPN' } }).id).toBe(
      'scripted',
    );
    expect(() => script('', { failureHints: { quota: 'wait' } as never })).toThrow(InvalidWorkerOptionsError);
  });

  it('names the last tool call of an agent still running at its time limit', async () => {
    const agent = script(`console.log(${JSON.stringify(toolUse)}); ${hang}`, { parser: claudeCodeParser });
    const result = await agent.attempt(attemptInput(workDir()), never);
    expect(result.failure?.message).toBe(
      'the agent was still running at its time limit (timeoutMs 600 ms); its process tree was killed; last: running tool Bash',
    );
  });

  it('falls back to the trace when the parser cannot say what the agent was doing', async () => {
    const broken = (): EventStreamParser => ({
      ...claudeCodeParser(),
      activity: () => {
        throw new Error('parser bug');
      },
    });
    const agent = script(`console.log(${JSON.stringify(toolUse)}); ${hang}`, { parser: broken });
    const result = await agent.attempt(attemptInput(workDir()), never);
    expect(result.failure?.message).toMatch(/; last: running tool Bash$/);
  });
});
