import { describe, expect, it } from 'vitest';
import { claudeCodeParser } from './claude-code-parser';
import { readStream } from './command-test-helpers';

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

  it('counts input_tokens alone when the cache fields are absent, and a missing cost as unknown', () => {
    const { summary } = readStream(claudeCodeParser(), [
      {
        type: 'result',
        subtype: 'success',
        is_error: false,
        result: 'ok',
        num_turns: 1,
        usage: { input_tokens: 7, output_tokens: 2 },
      },
    ]);
    expect(summary.usage).toEqual({ turns: 1, tokensIn: 7, tokensOut: 2, usd: null, costProvenance: 'unknown' });
  });
});
