import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { claudeCodeParser } from './claude-code-parser';
import { fixture, readStream } from './command-test-helpers';

const assistant = (content: unknown, extra: object = {}) => ({
  type: 'assistant',
  message: { role: 'assistant', content },
  ...extra,
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
    const { summary } = readStream(claudeCodeParser(), [assistant([{ type: 'text', text: 'Half way.' }])]);
    expect(summary).toEqual({
      output: 'Half way.',
      status: 'unknown',
      errors: [],
      providerFailures: [],
      usage: { turns: null, tokensIn: null, tokensOut: null, usd: null, costProvenance: 'unknown' },
    });
  });

  it('treats an assistant message with an error field as an error, not as the answer', () => {
    const { events, summary } = readStream(claudeCodeParser(), [
      assistant([{ type: 'text', text: 'Working.' }]),
      assistant([{ type: 'text', text: 'API Error: Repeated 529 Overloaded errors' }], { error: 'unknown' }),
    ]);
    expect(events.at(-1)).toEqual({
      type: 'error',
      data: { message: 'unknown: API Error: Repeated 529 Overloaded errors' },
    });
    expect(summary.output).toBe('Working.');
    expect(summary.errors).toEqual(['unknown: API Error: Repeated 529 Overloaded errors']);
  });

  it('reads an error result: failed status, its text and API status as errors', () => {
    const { summary } = readStream(claudeCodeParser(), [
      {
        type: 'result',
        subtype: 'success',
        is_error: true,
        result: 'API Error: 500',
        api_error_status: 500,
        num_turns: 1,
      },
    ]);
    expect(summary.status).toBe('failed');
    expect(summary.errors).toEqual(['API Error: 500\nAPI error status 500']);
  });

  it('reads the usage of a recorded success from modelUsage, cached input included', () => {
    const lines = readFileSync(fixture('claude-code-2.1.328-success.jsonl'), 'utf8').split('\n');
    const { summary } = readStream(claudeCodeParser(), lines);
    // The mock served 1200 input tokens (1000 read from the cache, 100 written to it) and 30 output;
    // Claude Code priced them for claude-sonnet-4-5 at its list prices: 100 × $3 + 100 × $3.75 +
    // 1000 × $0.30 + 30 × $15 per million = $0.001425.
    expect(summary.usage).toEqual({
      turns: 1,
      tokensIn: 1200,
      tokensInCached: 1000,
      tokensOut: 30,
      usd: 0.001425,
      costProvenance: 'measured',
    });
  });
});
