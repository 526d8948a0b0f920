import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codexParser } from './codex-parser';
import { fixture, readStream } from './command-test-helpers';

/** What codex 0.169.0 printed against the mock model API (recorded by fixtures/record-codex-fixtures.ts). */
const recorded = (scenario: string): string[] =>
  readFileSync(fixture(`codex-0.169.0-${scenario}.jsonl`), 'utf8').split('\n');

describe('codexParser on what codex 0.169 printed', () => {
  it('reads the answer and the usage: input with its cached part, output with its reasoning', () => {
    // The mock served input 1200 (1000 of it cached) and output 90 (40 of it reasoning).
    const { events, summary } = readStream(codexParser(), recorded('success'));
    expect(summary).toEqual({
      output: 'Hello from the mock model API.',
      usage: { turns: 1, tokensIn: 1200, tokensInCached: 1000, tokensOut: 90, usd: null, costProvenance: 'unknown' },
      status: 'succeeded',
      errors: [],
      providerFailures: [],
    });
    expect(events.map((event) => event.type)).toEqual(['log', 'log', 'message', 'log']);
  });

  it('takes the retries codex recovered from as logs, neither errors nor failures', () => {
    const parser = codexParser();
    const lines = recorded('retried-success');
    const { events, summary } = readStream(parser, lines);
    expect(summary).toMatchObject({ output: 'Recovered.', status: 'succeeded', errors: [], providerFailures: [] });
    expect(events[2]).toEqual({
      type: 'log',
      data: {
        event: 'error',
        kind: 'provider-retry',
        message: 'Reconnecting... 1/5 (stream disconnected before completion: error sending request)',
      },
    });
    expect(parser.activity?.()).toEqual({ text: 'after finishing its turn' });
  });

  it.each([
    ['unauthorized', 'credentials', 401],
    ['missing-key', 'credentials', undefined],
    ['default-provider-unauthorized', 'credentials', 401],
    ['billing', 'billing', undefined],
    ['rate-limited', 'rate-limit', 429],
    ['rate-limited-retrying', 'rate-limit', 429],
    ['overloaded', 'overloaded', 503],
    ['server-error', 'server', undefined],
    ['bad-request', 'request', undefined],
    ['drop', 'network', undefined],
  ] as const)('reports the failed turn of %s as a %s failure of the provider', (scenario, kind, status) => {
    const lines = recorded(scenario);
    const { summary } = readStream(codexParser(), lines);
    const failed = JSON.parse(lines.at(-2) ?? '') as { type: string; error: { message: string } };
    expect(failed.type).toBe('turn.failed');
    // The `error` event before `turn.failed` says the same; the retries before them are not errors.
    expect(summary).toMatchObject({ status: 'failed', errors: [failed.error.message], output: null });
    expect(summary.usage).toMatchObject({ turns: null, tokensIn: null, tokensInCached: null, tokensOut: null });
    expect(summary.providerFailures).toHaveLength(1);
    expect(summary.providerFailures[0]).toMatchObject({ kind, ...(status === undefined ? {} : { status }) });
  });

  it('names the network wait codex was in when it was stopped: a provider retry', () => {
    const parser = codexParser();
    const { summary } = readStream(parser, recorded('unreachable'));
    expect(summary).toMatchObject({ status: 'unknown', errors: [], providerFailures: [] });
    expect(parser.activity?.()).toEqual({
      text: 'retrying the API, waiting for the network (2 failed tries): Connection failed: error sending request',
      providerRetry: { kind: 'network', message: 'Connection failed: error sending request' },
    });
  });

  it('names a refused key codex was retrying when it was stopped, and the WebSocket it gave up before', () => {
    const parser = codexParser();
    const lines = recorded('default-provider-unauthorized');
    const fallback = lines.findIndex((line) => line.includes('Falling back from WebSockets to HTTPS'));
    for (const line of lines.slice(0, fallback)) parser.parseLine(line);
    expect(parser.activity?.()?.providerRetry?.kind).toBe('network');
    parser.parseLine(lines[fallback] ?? '');
    expect(parser.activity?.()?.text).toMatch(/^waiting for the model's response, after an error: Falling back/);
    parser.parseLine(lines[fallback + 1] ?? '');
    expect(parser.activity?.()?.providerRetry).toMatchObject({ kind: 'credentials', status: 401 });
  });

  it('names the model call codex was waiting on when it was stopped, which is no retry', () => {
    const parser = codexParser();
    readStream(parser, recorded('hang'));
    expect(parser.activity?.()).toEqual({ text: "waiting for the model's response" });
  });

  it('names the retry in progress, until codex goes on', () => {
    const parser = codexParser();
    const lines = recorded('rate-limited-retrying');
    for (const line of lines.slice(0, 4)) parser.parseLine(line);
    expect(parser.activity?.()).toEqual({
      text: 'retrying the API (try 2/2): exceeded retry limit, last status: 429 Too Many Requests, request id: req_mock_2',
      providerRetry: {
        kind: 'rate-limit',
        message: 'exceeded retry limit, last status: 429 Too Many Requests, request id: req_mock_2',
        status: 429,
      },
    });
    for (const line of lines.slice(4)) parser.parseLine(line);
    expect(parser.activity?.()?.providerRetry).toBeUndefined();
  });
});

// The mock model API answers with text only, so codex's tool items below are written by hand, in the
// shape codex-rs/exec/src/exec_events.rs gives them.
describe('codexParser on tool use and other streams', () => {
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

  it('names the command running, then the model call after it', () => {
    const parser = codexParser();
    const command = { id: 'c', type: 'command_execution', command: 'bash -lc "npm test"', aggregated_output: '' };
    readStream(parser, [
      { type: 'turn.started' },
      { type: 'item.started', item: { ...command, status: 'in_progress' } },
    ]);
    expect(parser.activity?.()).toEqual({ text: 'running command bash -lc "npm test"' });
    parser.parseLine(
      JSON.stringify({ type: 'item.completed', item: { ...command, exit_code: 0, status: 'completed' } }),
    );
    expect(parser.activity?.()).toEqual({
      text: `waiting for the model's response, after command bash -lc "npm test" finished`,
    });
  });

  it('counts the failed tries of a network wait', () => {
    const parser = codexParser();
    const notice = {
      type: 'error',
      message: 'Reconnecting... waiting for network (Connection failed: error sending request)',
    };
    readStream(parser, [{ type: 'turn.started' }, notice, notice, notice]);
    expect(parser.activity?.()?.text).toBe(
      'retrying the API, waiting for the network (3 failed tries): Connection failed: error sending request',
    );
  });

  it("scores a turn that failed for the agent's own reasons as its outcome, whatever it retried before", () => {
    const tooLong =
      "Codex ran out of room in the model's context window. Start a new thread or clear earlier history before retrying.";
    const { summary } = readStream(codexParser(), [
      { type: 'error', message: 'Reconnecting... 1/5 (exceeded retry limit, last status: 429 Too Many Requests)' },
      { type: 'error', message: tooLong },
      { type: 'turn.failed', error: { message: tooLong } },
    ]);
    expect(summary).toMatchObject({ status: 'failed', errors: [tooLong], providerFailures: [] });
  });

  it('reports the provider failure codex stopped on without ending its turn', () => {
    const { summary } = readStream(codexParser(), [
      { type: 'thread.started', thread_id: 't' },
      { type: 'error', message: 'Quota exceeded. Check your plan and billing details.' },
    ]);
    expect(summary.providerFailures).toEqual([
      { kind: 'billing', message: 'Quota exceeded. Check your plan and billing details.' },
    ]);
  });

  it('sums usage over turns; a turn that did not report a figure makes its total unknown, not low', () => {
    const { events, summary } = readStream(codexParser(), [
      'not json',
      { type: 'turn.completed', usage: { input_tokens: 10, cached_input_tokens: 4, output_tokens: 2 } },
      { type: 'turn.completed', usage: { input_tokens: 5, output_tokens: 1 } },
      { type: 'something.new', x: 1 },
    ]);
    expect(events[0]).toEqual({ type: 'log', data: { text: 'not json' } });
    expect(events.at(-1)).toEqual({ type: 'log', data: { type: 'something.new', x: 1 } });
    expect(summary.usage).toEqual({
      turns: 2,
      tokensIn: 15,
      tokensInCached: null,
      tokensOut: 3,
      usd: null,
      costProvenance: 'unknown',
    });
  });
});
