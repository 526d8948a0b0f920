import { describe, expect, it } from 'vitest';
import { readStream } from './command-test-helpers';
import { opencodeParser } from './opencode-parser';

const stepFinish = (cost: number, input: number, output: number) => ({
  type: 'step_finish',
  part: {
    type: 'step-finish',
    reason: 'stop',
    cost,
    tokens: { input, output, reasoning: 0, cache: { read: 0, write: 0 } },
  },
});

describe('opencodeParser', () => {
  it('reports a zero cost over spent tokens as unknown: opencode writes 0 for unpriced models', () => {
    const { summary } = readStream(opencodeParser(), [stepFinish(0, 100, 10)]);
    expect(summary.usage).toEqual({ turns: 1, tokensIn: 100, tokensOut: 10, usd: null, costProvenance: 'unknown' });
    expect(summary.status).toBe('succeeded');
  });

  it('makes a total unknown when one step lacks its figures', () => {
    const { summary } = readStream(opencodeParser(), [
      stepFinish(0.01, 100, 10),
      { type: 'step_finish', part: { reason: 'stop' } },
    ]);
    expect(summary.usage).toEqual({ turns: 2, tokensIn: null, tokensOut: null, usd: null, costProvenance: 'unknown' });
  });

  it('reads an error event into an error with its message and status code', () => {
    const { events, summary } = readStream(opencodeParser(), [
      { type: 'error', error: { name: 'ProviderAuthError', data: { message: 'Invalid API key', statusCode: 401 } } },
    ]);
    expect(events).toEqual([
      { type: 'error', data: { name: 'ProviderAuthError', message: 'Invalid API key', statusCode: 401 } },
    ]);
    expect(summary).toMatchObject({ status: 'failed', errors: ['Invalid API key (status 401)'] });
  });

  it('keeps reasoning, unknown types and malformed lines as logs', () => {
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
