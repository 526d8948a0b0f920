import { describe, expect, it } from 'vitest';
import { codexParser } from './codex-parser';
import { readStream } from './command-test-helpers';

describe('codexParser', () => {
  it('turns MCP calls into tool events, web searches into search events, failed commands into errors', () => {
    const { events } = readStream(codexParser(), [
      {
        type: 'item.started',
        item: {
          id: 'm',
          type: 'mcp_tool_call',
          server: 'docs',
          tool: 'lookup',
          arguments: { q: 'x' },
          status: 'in_progress',
        },
      },
      {
        type: 'item.completed',
        item: {
          id: 'm',
          type: 'mcp_tool_call',
          server: 'docs',
          tool: 'lookup',
          result: { content: [] },
          status: 'completed',
        },
      },
      { type: 'item.completed', item: { id: 'w', type: 'web_search', query: 'vitest timeout' } },
      {
        type: 'item.completed',
        item: {
          id: 'c',
          type: 'command_execution',
          command: 'false',
          aggregated_output: '',
          exit_code: 1,
          status: 'failed',
        },
      },
    ]);
    expect(events).toEqual([
      { type: 'tool-call', data: { id: 'm', name: 'docs/lookup', input: { q: 'x' } } },
      { type: 'tool-result', data: { id: 'm', output: { content: [] }, isError: false } },
      { type: 'search', data: { id: 'w', query: 'vitest timeout' } },
      { type: 'tool-call', data: { id: 'c', name: 'command', input: { command: 'false' } } },
      { type: 'tool-result', data: { id: 'c', output: '', isError: true, exitCode: 1 } },
    ]);
  });

  it('records stream errors without failing the turn; a failed turn fails it', () => {
    const recovered = readStream(codexParser(), [
      { type: 'error', message: 'Reconnecting... 1/5' },
      { type: 'turn.completed', usage: { input_tokens: 10, cached_input_tokens: 0, output_tokens: 2 } },
    ]);
    expect(recovered.summary).toMatchObject({ status: 'succeeded', errors: ['Reconnecting... 1/5'] });
    const failed = readStream(codexParser(), [{ type: 'turn.failed', error: { message: 'model refused' } }]);
    expect(failed.summary).toMatchObject({ status: 'failed', errors: ['model refused'], output: null });
    expect(failed.summary.usage.turns).toBeNull();
  });

  it('sums usage over turns and keeps unknown lines as logs', () => {
    const { events, summary } = readStream(codexParser(), [
      'not json',
      { type: 'turn.completed', usage: { input_tokens: 10, output_tokens: 2 } },
      { type: 'turn.completed', usage: { input_tokens: 5, output_tokens: 1 } },
      { type: 'something.new', x: 1 },
    ]);
    expect(events[0]).toEqual({ type: 'log', data: { text: 'not json' } });
    expect(events.at(-1)).toEqual({ type: 'log', data: { type: 'something.new', x: 1 } });
    expect(summary.usage).toEqual({ turns: 2, tokensIn: 15, tokensOut: 3, usd: null, costProvenance: 'unknown' });
  });
});
