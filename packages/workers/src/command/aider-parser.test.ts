import { describe, expect, it } from 'vitest';
import { aiderParser } from './aider-parser';
import { readStream } from './command-test-helpers';

describe('aiderParser', () => {
  it('sums rounded token counts over model calls and takes the session cost from the last', () => {
    const { summary } = readStream(aiderParser(), [
      'Tokens: 950 sent, 1,024 cache hit, 12 received. Cost: $0.01 message, $0.01 session.',
      'Tokens: 12k sent, 3 cache write, 1.5k received. Cost: $0.02 message, $0.03 session.',
    ]);
    expect(summary.usage).toEqual({
      turns: 2,
      tokensIn: 12_950,
      tokensOut: 1512,
      usd: 0.03,
      costProvenance: 'measured',
    });
  });

  it('reports the cost as unknown when aider printed none', () => {
    const { summary } = readStream(aiderParser(), ['Tokens: 2.4k sent, 210 received.']);
    expect(summary.usage).toEqual({ turns: 1, tokensIn: 2400, tokensOut: 210, usd: null, costProvenance: 'unknown' });
  });

  it('keeps reply blocks as message events and strips terminal colours', () => {
    const esc = String.fromCharCode(27);
    const { events, summary } = readStream(aiderParser(), [
      `${esc}[32mFirst line${esc}[0m`,
      'second line',
      'Applied edit to a.py',
      'Closing words.',
    ]);
    expect(events).toEqual([
      { type: 'message', data: { role: 'assistant', text: 'First line\nsecond line' } },
      { type: 'log', data: { kind: 'status', text: 'Applied edit to a.py' } },
      { type: 'message', data: { role: 'assistant', text: 'Closing words.' } },
    ]);
    expect(summary).toMatchObject({ output: 'First line\nsecond line\nClosing words.', status: 'unknown' });
  });

  it('fails the stream when there are errors and no model call came back', () => {
    const { summary } = readStream(aiderParser(), ['litellm.APIConnectionError: connection refused']);
    expect(summary).toMatchObject({
      status: 'failed',
      output: null,
      errors: ['litellm.APIConnectionError: connection refused'],
    });
  });
});
