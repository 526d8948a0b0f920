import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture, readStream } from './command-test-helpers';
import type { EventStreamParser, TraceEventDraft } from './event-stream-parser';
import { opencodeParser } from './opencode-parser';

// Recordings of opencode 1.18.33 (`opencode run --format json --print-logs --log-level ERROR -m
// mock/mock-model`, the message on stdin) against startMockModelApi, one scenario each, with the
// provider and settings of opencode-conformance.test.ts; `hang` with the provider's `headerTimeout`
// at 2000 ms, `unknown-model` with `-m mock/nope`, `no-key` with `-m anthropic/claude-sonnet-4-5` and
// no ANTHROPIC_API_KEY, `success-anthropic` through `@ai-sdk/anthropic`, `success-priced` with a
// price for the model in the config ($3 in, $15 out, $0.30 cached, per million tokens).

/** Feeds a recording to a parser in the order opencode wrote it (stdout and stderr by timestamp); with `stderrLines`, up to that many stderr lines. */
function replay(parser: EventStreamParser, recording: string, stderrLines = Number.POSITIVE_INFINITY) {
  const read = (suffix: string) => {
    const path = fixture(`opencode-1.18.33-${recording}${suffix}`);
    return existsSync(path)
      ? readFileSync(path, 'utf8')
          .split('\n')
          .filter((line) => line !== '')
      : [];
  };
  const stdout = read('.jsonl').map((line) => ({ line, at: JSON.parse(line).timestamp as number, stderr: false }));
  const stderr = read('.stderr.txt').map((line) => ({
    line,
    at: Date.parse(/^timestamp=(\S+)/.exec(line)?.[1] ?? ''),
    stderr: true,
  }));
  const cutAt = stderr[stderrLines]?.at ?? Number.POSITIVE_INFINITY;
  const events: TraceEventDraft[] = [];
  for (const { line, stderr: fromStderr } of [...stdout, ...stderr]
    .filter((entry) => entry.at < cutAt)
    .sort((a, b) => a.at - b.at)) {
    events.push(...(fromStderr ? (parser.parseStderrLine?.(line) ?? []) : parser.parseLine(line)));
  }
  return events;
}

const replayed = (recording: string) => {
  const parser = opencodeParser();
  const events = replay(parser, recording);
  return { events, summary: parser.finish() };
};

describe('opencodeParser on what opencode 1.18.33 wrote', () => {
  it('reads a success: the text, and usage with cached input in tokensIn and reasoning in tokensOut', () => {
    // The mock's usage: 1200 input tokens, 1000 of them cached; 80 output tokens, 30 of them reasoning.
    // opencode wrote input 200, cache.read 1000, output 50, reasoning 30, and cost 0 (no price).
    const { events, summary } = replayed('success');
    expect(summary).toEqual({
      output: 'Hello there, friend.',
      usage: { turns: 1, tokensIn: 1200, tokensInCached: 1000, tokensOut: 80, usd: null, costProvenance: 'unknown' },
      status: 'succeeded',
      errors: [],
      providerFailures: [],
    });
    expect(events.map((event) => event.type)).toEqual(['log', 'message', 'log']);
  });

  it('counts cache writes as input, not as cached: Anthropic through opencode', () => {
    // The mock's usage: 1500 input tokens, 1000 read from the cache and 200 written to it; opencode wrote input 300.
    expect(replayed('success-anthropic').summary.usage).toEqual({
      turns: 1,
      tokensIn: 1500,
      tokensInCached: 1000,
      tokensOut: 80,
      usd: null,
      costProvenance: 'unknown',
    });
  });

  it("takes opencode's cost when it has a price for the model", () => {
    // 200 × $3 + 1000 × $0.30 + (50 + 30) × $15, per million tokens: opencode prices reasoning as output.
    expect(replayed('success-priced').summary.usage).toMatchObject({ usd: 0.0021, costProvenance: 'measured' });
  });

  it.each([
    ['unauthorized', { kind: 'credentials', message: 'Incorrect API key provided.', status: 401 }],
    ['billing', { kind: 'billing', message: expect.stringMatching(/^You exceeded your current quota/), status: 429 }],
    ['bad-request', { kind: 'request', message: 'Unrecognized request argument supplied.', status: 400 }],
    [
      'rate-limited',
      {
        kind: 'rate-limit',
        message: 'Rate limit reached for requests. Please try again later.',
        status: 429,
        retryAfterMs: 1000,
      },
    ],
    ['overloaded', { kind: 'overloaded', message: 'The server is overloaded or not ready yet.', status: 503 }],
    [
      'server-error',
      { kind: 'server', message: 'The server had an error while processing your request.', status: 500 },
    ],
    ['drop', { kind: 'network', message: 'Cannot connect to API: The socket connection was closed unexpectedly.' }],
    ['hang', { kind: 'network', message: 'Provider response headers timed out after 2000ms' }],
    ['malformed', { kind: 'server', message: expect.stringMatching(/^JSON parsing failed/) }],
    ['unknown-model', { kind: 'request', message: 'Model not found: mock/nope.' }],
    ['no-key', { kind: 'request', message: expect.stringMatching(/^Model not found: anthropic\/claude-sonnet-4-5\./) }],
  ])('reads the failure opencode gave up on: %s', (recording, failure) => {
    const { summary } = replayed(recording);
    expect(summary.status).toBe('failed');
    expect(summary.providerFailures).toEqual([failure]);
  });

  it('says what an error opencode did not type was, from its log', () => {
    const { events, summary } = replayed('unknown-model');
    expect(events).toEqual([
      {
        type: 'error',
        data: {
          name: 'UnknownError',
          message: 'Unexpected server error. Check server logs for details.',
          statusCode: null,
        },
      },
    ]);
    expect(summary.errors).toEqual(['ProviderModelNotFoundError: Model not found: mock/nope.']);
  });

  it('keeps the status and retry-after of an API error in its error text', () => {
    expect(replayed('rate-limited').summary.errors).toEqual([
      'Rate limit reached for requests. Please try again later. (status 429) retry-after: 1',
    ]);
  });

  it('traces each failed provider call from the log, and nothing else of it', () => {
    const events = replay(opencodeParser(), 'overloaded');
    expect(events.filter((event) => event.type === 'log')).toHaveLength(6);
    expect(events[0]).toEqual({
      type: 'log',
      data: {
        kind: 'provider-call-failed',
        failureKind: 'overloaded',
        message: 'The server is overloaded or not ready yet.',
      },
    });
  });
});

describe("opencodeParser's activity while opencode retries its provider", () => {
  it.each([
    ['billing', 2, 'billing', 'You exceeded your current quota, please check your plan and billing details.'],
    ['overloaded', 1, 'overloaded', 'The server is overloaded or not ready yet.'],
    ['server-error', 3, 'server', 'The server had an error while processing your request.'],
    ['drop', 2, 'network', 'Cannot connect to API: The socket connection was closed unexpectedly.'],
    ['hang', 2, 'network', 'Provider response headers timed out after 2000ms'],
    ['rate-limited', 4, 'rate-limit', 'Rate limit reached for requests. Please try again later.'],
  ])('%s, after %i failed calls: retrying, of kind %s', (recording, calls, kind, message) => {
    const parser = opencodeParser();
    replay(parser, recording, calls);
    expect(parser.activity?.()).toEqual({
      text: `retrying its provider after ${calls} failed call${calls === 1 ? '' : 's'} (${kind})`,
      providerRetry: { kind, message },
    });
  });

  it('is retrying still when a failing call had opened its step just before it failed', () => {
    // The malformed recording: each call's step_start comes 6 to 30 ms after its failure is logged.
    const parser = opencodeParser();
    const events = replay(parser, 'malformed', 3);
    expect(events.filter((event) => event.type === 'log').length).toBe(6);
    expect(parser.activity?.()?.providerRetry?.kind).toBe('server');
  });

  it('is done retrying once a later step opens, or the model answers, or opencode reports the failure', () => {
    const failedCall = readFileSync(fixture('opencode-1.18.33-overloaded.stderr.txt'), 'utf8').split('\n')[0] ?? '';
    const failedAt = Date.parse(/^timestamp=(\S+)/.exec(failedCall)?.[1] ?? '');
    const parser = opencodeParser();
    parser.parseStderrLine?.(failedCall);
    parser.parseLine(JSON.stringify({ type: 'step_start', timestamp: failedAt + 20, part: {} }));
    expect(parser.activity?.()).not.toBeNull();
    parser.parseLine(JSON.stringify({ type: 'step_start', timestamp: failedAt + 2500, part: {} }));
    expect(parser.activity?.()).toBeNull();

    parser.parseStderrLine?.(failedCall);
    parser.parseLine(JSON.stringify({ type: 'text', timestamp: failedAt, part: { text: 'hi' } }));
    expect(parser.activity?.()).toBeNull();
    expect(activityAfter('overloaded')).toBeNull();
  });

  it('is null before anything failed, and ignores stderr lines that are not log lines', () => {
    const parser = opencodeParser();
    expect(parser.activity?.()).toBeNull();
    expect(parser.parseStderrLine?.('    at <anonymous> (/$bunfs/root/chunk-jrdr7d31.js:6:14272)')).toEqual([]);
    expect(parser.activity?.()).toBeNull();
  });
});

function activityAfter(recording: string) {
  const parser = opencodeParser();
  replay(parser, recording);
  return parser.activity?.() ?? null;
}

describe('opencodeParser on hand-made lines (what the mock cannot make opencode write)', () => {
  const stepFinish = (cost: number, input: number, output: number) => ({
    type: 'step_finish',
    part: {
      type: 'step-finish',
      reason: 'stop',
      cost,
      tokens: { input, output, reasoning: 0, cache: { read: 0, write: 0 } },
    },
  });

  it('makes a total unknown when one step lacks its figures', () => {
    const { summary } = readStream(opencodeParser(), [
      stepFinish(0.01, 100, 10),
      { type: 'step_finish', part: { reason: 'stop' } },
    ]);
    expect(summary.usage).toEqual({
      turns: 2,
      tokensIn: null,
      tokensInCached: null,
      tokensOut: null,
      usd: null,
      costProvenance: 'unknown',
    });
  });

  it('succeeds only when the last step stopped: a step that ended in tool calls is not the end', () => {
    expect(readStream(opencodeParser(), [stepFinish(0, 1, 1)]).summary.status).toBe('succeeded');
    const toolStep = { type: 'step_finish', part: { ...stepFinish(0, 1, 1).part, reason: 'tool-calls' } };
    expect(readStream(opencodeParser(), [stepFinish(0, 1, 1), toolStep]).summary.status).toBe('unknown');
  });

  it('reads a stored login opencode could not use as refused credentials', () => {
    const { summary } = readStream(opencodeParser(), [
      {
        type: 'error',
        error: { name: 'ProviderAuthError', data: { providerID: 'anthropic', message: 'Token expired' } },
      },
    ]);
    expect(summary.providerFailures).toEqual([{ kind: 'credentials', message: 'Token expired' }]);
  });

  it('leaves errors that are not the provider to the agent: an aborted message, an unknown error with no log', () => {
    const { summary } = readStream(opencodeParser(), [
      { type: 'error', error: { name: 'MessageAbortedError', data: { message: 'Aborted' } } },
      { type: 'error', error: { name: 'UnknownError', data: { message: 'something broke' } } },
    ]);
    expect(summary).toMatchObject({ status: 'failed', errors: ['Aborted', 'something broke'], providerFailures: [] });
  });

  it('keeps reasoning (written only with --thinking), unknown types and malformed lines as logs', () => {
    const { events } = readStream(opencodeParser(), [
      { type: 'reasoning', part: { type: 'reasoning', text: 'hmm' } },
      { type: 'permission', x: 1 },
      '{oops',
    ]);
    expect(events).toEqual([
      { type: 'log', data: { kind: 'reasoning', text: 'hmm' } },
      { type: 'log', data: { type: 'permission', x: 1 } },
      { type: 'log', data: { text: '{oops' } },
    ]);
  });
});
