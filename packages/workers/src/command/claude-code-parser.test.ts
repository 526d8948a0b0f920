import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { claudeCodeParser } from './claude-code-parser';
import { fixture, readStream } from './command-test-helpers';
import type { ProviderFailure } from './event-stream-parser';

/** The lines Claude Code 2.1.328 printed against the mock model API (see claude-code-conformance.test.ts). */
const recorded = (scenario: string): string[] =>
  readFileSync(fixture(`claude-code-2.1.328-${scenario}.jsonl`), 'utf8')
    .split('\n')
    .filter((line) => line !== '');

/** A recorded line, parsed, with some fields changed. */
const changed = (line: string, fields: object): object => ({ ...JSON.parse(line), ...fields });

const assistant = (content: unknown, extra: object = {}) => ({
  type: 'assistant',
  message: { role: 'assistant', content },
  ...extra,
});

describe('claudeCodeParser on recorded output', () => {
  it('reads a success: the result, its usage from modelUsage (cached input included), no failure', () => {
    const { events, summary } = readStream(claudeCodeParser(), recorded('success'));
    expect(events.map((event) => event.type)).toEqual(['log', 'message', 'output']);
    // The mock served 1200 input tokens (1000 read from the cache, 100 written to it) and 30 output;
    // Claude Code priced them for claude-sonnet-4-5 at its list prices: 100 × $3 + 100 × $3.75 +
    // 1000 × $0.30 + 30 × $15 per million = $0.001425.
    expect(summary).toEqual({
      output: 'Hello there.',
      status: 'succeeded',
      errors: [],
      providerFailures: [],
      usage: {
        turns: 1,
        tokensIn: 1200,
        tokensInCached: 1000,
        tokensOut: 30,
        usd: 0.001425,
        costProvenance: 'measured',
      },
    });
  });

  it('keeps the result of a session that retried an overloaded API and went on', () => {
    const parser = claudeCodeParser();
    const { summary } = readStream(parser, recorded('retried-then-succeeded'));
    expect(summary).toMatchObject({ output: 'Recovered.', status: 'succeeded', providerFailures: [] });
    expect(parser.activity?.()).toBeNull();
  });

  it.each<[string, ProviderFailure]>([
    ['unauthorized', { kind: 'credentials', status: 401, message: 'Invalid API key · Fix external API key' }],
    ['no-key', { kind: 'credentials', message: 'Not logged in · Please run /login' }],
    ['billing', { kind: 'billing', status: 400, message: 'Credit balance is too low' }],
    [
      'rate-limited',
      {
        kind: 'rate-limit',
        status: 429,
        // retry-after: 2 on every answer; Claude Code waited 2302, 2194 and 2218 ms, the last within
        // its own backoff for a third attempt (up to 2500 ms), so the provider's wait is the second.
        retryAfterMs: 2194,
        message:
          'API Error: Request rejected (429) · This request would exceed the rate limit for your organization. Please try again later.',
      },
    ],
    [
      'overloaded',
      {
        kind: 'overloaded',
        // Its waits (611, 1035 ms) were its own backoff: the provider asked for none.
        status: 529,
        message: expect.stringMatching(/^API Error: Repeated 529 Overloaded errors/) as unknown as string,
      },
    ],
    [
      'server-error',
      {
        kind: 'server',
        status: 500,
        message: expect.stringMatching(/^API Error: 500 Internal server error/) as unknown as string,
      },
    ],
    [
      'drop',
      {
        kind: 'network',
        message:
          'API Error: Connection dropped (ECONNRESET). Check the gateway set in ANTHROPIC_BASE_URL, then try again.',
      },
    ],
    [
      'hang',
      {
        kind: 'network',
        message:
          'Request timed out. If the API is slow to answer, or a proxy or gateway holds responses, set API_TIMEOUT_MS above 1000.',
      },
    ],
    ['malformed', { kind: 'network', message: 'API Error: JSON Parse error: Unterminated string' }],
    ['bad-request', { kind: 'request', status: 400, message: 'API Error: 400 max_tokens: Field required' }],
  ])('reads the API error it gave up on (%s) as a provider failure', (scenario, failure) => {
    const { summary } = readStream(claudeCodeParser(), recorded(scenario));
    expect(summary.status).toBe('failed');
    expect(summary.output).toBeNull();
    expect(summary.providerFailures).toEqual([failure]);
    // Every call failed: nothing was counted or charged.
    expect(summary.usage).toEqual({
      turns: 1,
      tokensIn: 0,
      tokensInCached: 0,
      tokensOut: 0,
      usd: 0,
      costProvenance: 'measured',
    });
  });

  it('says what it is doing while it retries the API, and stops saying so when the retry ends', () => {
    const parser = claudeCodeParser();
    const lines = recorded('rate-limited');
    parser.parseLine(lines[0] ?? '');
    expect(parser.activity?.()).toEqual({ text: 'waiting for the model to answer' });
    parser.parseLine(lines[1] ?? '');
    parser.parseLine(lines[2] ?? '');
    expect(parser.activity?.()).toEqual({
      text: 'retrying the API: rate_limit, HTTP 429 (attempt 2 of 3)',
      providerRetry: { kind: 'rate-limit', message: 'rate_limit', status: 429, retryAfterMs: 2194 },
    });
    for (const line of lines.slice(3)) parser.parseLine(line);
    expect(parser.activity?.()).toBeNull();
  });

  it('reads a retry that got no response as a network failure', () => {
    const parser = claudeCodeParser();
    for (const line of recorded('drop').slice(0, 2)) parser.parseLine(line);
    expect(parser.activity?.()).toEqual({
      text: 'retrying the API: no response (attempt 1 of 3)',
      providerRetry: { kind: 'network', message: 'no response from the API (a connection error or a timeout)' },
    });
  });

  it("leaves a sub-agent's API error to the main loop, and keeps it in the trace", () => {
    const [init, , , , error] = recorded('unauthorized');
    const { events, summary } = readStream(claudeCodeParser(), [
      init ?? '',
      changed(error ?? '', { parent_tool_use_id: 'toolu_1' }),
    ]);
    expect(summary.providerFailures).toEqual([]);
    expect(events.at(-1)).toEqual({
      type: 'error',
      data: { message: 'authentication_failed: Invalid API key · Fix external API key', status: 401 },
    });
  });

  it("scores an API error about the conversation itself (context overflow) as the agent's, not the provider's", () => {
    const [, error] = recorded('bad-request');
    const { summary } = readStream(claudeCodeParser(), [
      changed(error ?? '', { error: 'invalid_request', api_error: 'message_over_context_limit' }),
    ]);
    expect(summary.providerFailures).toEqual([]);
    expect(summary.errors).toEqual(['invalid_request: API Error: 400 max_tokens: Field required']);
  });
});

describe('claudeCodeParser', () => {
  it('joins the text blocks of a tool result and keeps other content as it is', () => {
    const { events } = readStream(claudeCodeParser(), [
      {
        type: 'user',
        message: {
          content: [
            {
              type: 'tool_result',
              tool_use_id: 'a',
              content: [
                { type: 'text', text: 'one' },
                { type: 'text', text: 'two' },
              ],
            },
            { type: 'tool_result', tool_use_id: 'b', content: [{ type: 'image', source: {} }], is_error: true },
          ],
        },
      },
    ]);
    expect(events.map((event) => event.data)).toEqual([
      { id: 'a', output: 'one\ntwo', isError: false },
      { id: 'b', output: [{ type: 'image', source: {} }], isError: true },
    ]);
  });

  it('without a result line, reports the last assistant text, unknown status and no usage', () => {
    const parser = claudeCodeParser();
    const { summary } = readStream(parser, [assistant([{ type: 'text', text: 'Half way.' }])]);
    expect(summary).toEqual({
      output: 'Half way.',
      status: 'unknown',
      errors: [],
      providerFailures: [],
      usage: { turns: null, tokensIn: null, tokensOut: null, usd: null, costProvenance: 'unknown' },
    });
    expect(parser.activity?.()).toBeNull();
  });

  it('waits for the model after a tool result', () => {
    const parser = claudeCodeParser();
    parser.parseLine(
      JSON.stringify({ type: 'user', message: { content: [{ type: 'tool_result', tool_use_id: 'a' }] } }),
    );
    expect(parser.activity?.()).toEqual({ text: 'waiting for the model to answer' });
  });
});
