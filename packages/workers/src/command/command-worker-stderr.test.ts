import { describe, expect, it } from 'vitest';
import { attemptInput, never, streamSummary, testWorkDir } from './command-test-helpers';
import { commandWorker } from './command-worker';
import type { AgentActivity, EventStreamParser } from './event-stream-parser';

const workDir = testWorkDir();

/** A parser that reads stdout as messages and stderr as logs, and a stderr line `retrying: …` as a provider retry. */
const stderrReading = (): EventStreamParser => {
  let retrying: AgentActivity | null = null;
  return {
    parseLine: (line) => [{ type: 'message', data: { text: line } }],
    parseStderrLine: (line) => {
      if (line === 'boom') throw new Error('unreadable');
      const retry = /^retrying: (.*)/.exec(line)?.[1];
      if (retry !== undefined) retrying = { text: line, providerRetry: { kind: 'network', message: retry } };
      return [{ type: 'log', data: { stderr: line } }];
    },
    finish: () => streamSummary(),
    activity: () => retrying,
  };
};

const script = (source: string) =>
  commandWorker({
    id: 'scripted',
    command: process.execPath,
    args: ['-e', source],
    parser: stderrReading,
    killGraceMs: 100,
    timeoutMs: 1500,
  });

describe('commandWorker with a parser that reads stderr', () => {
  it('gives it each stderr line, and its events join the trace; one it cannot read costs only that line', async () => {
    const result = await script(
      "console.log('out'); console.error('first\\nboom'); process.stderr.write('last, unterminated')",
    ).attempt(attemptInput(workDir()), never);
    const read = result.events.filter((event) => event.type !== 'log' || !('stream' in (event.data as object)));
    expect(read.map((event) => event.data)).toEqual([
      { text: 'out' },
      { stderr: 'first' },
      { text: 'boom', parseError: 'Error: unreadable' },
      { stderr: 'last, unterminated' },
    ]);
  });

  it('classifies a time-limit kill by what the parser read on stderr', async () => {
    const error = await script("console.error('retrying: connection refused'); setInterval(() => {}, 1000)")
      .attempt(attemptInput(workDir()), never)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ reason: 'unreachable', scope: 'run', isRetryable: true });
    expect((error as Error).message).toContain('last: retrying: connection refused');
  });
});
