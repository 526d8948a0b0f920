import { describe, expect, it } from 'vitest';
import { claudeCodeUsage } from './claude-code-usage';

/** One model's entry in `modelUsage`, shaped as Claude Code 2.1.328 writes it. */
const model = (inputTokens: number, cacheRead: number, cacheWrite: number, outputTokens: number, costUSD: number) => ({
  inputTokens,
  outputTokens,
  cacheReadInputTokens: cacheRead,
  cacheCreationInputTokens: cacheWrite,
  webSearchRequests: 0,
  costUSD,
  costBasis: 'list',
});

describe('claudeCodeUsage', () => {
  it('sums modelUsage over models, sub-agents included, where usage holds the main loop only', () => {
    const usage = claudeCodeUsage({
      num_turns: 3,
      total_cost_usd: 0.0165,
      // The main loop's own calls: what `usage` alone would have counted.
      usage: { input_tokens: 100, cache_read_input_tokens: 1000, cache_creation_input_tokens: 100, output_tokens: 30 },
      modelUsage: {
        'claude-sonnet-4-5': model(300, 3000, 200, 90, 0.015),
        'claude-haiku-4-5': model(50, 400, 0, 20, 0.0015),
      },
    });
    expect(usage).toEqual({
      turns: 3,
      tokensIn: 300 + 3000 + 200 + 50 + 400,
      tokensInCached: 3400,
      tokensOut: 110,
      usd: 0.0165,
      costProvenance: 'measured',
    });
  });

  it('reports no dollars when Claude Code priced a model it has no price for at another rate', () => {
    const usage = claudeCodeUsage({
      num_turns: 1,
      total_cost_usd: 0.002,
      modelUsage: { 'my-gateway-model': { ...model(100, 0, 0, 10, 0.002), costBasis: 'unknown' } },
    });
    expect(usage).toMatchObject({ tokensIn: 100, tokensOut: 10, usd: null, costProvenance: 'unknown' });
  });

  it('reports tokens as unknown without modelUsage, rather than the main loop alone', () => {
    const usage = claudeCodeUsage({
      num_turns: 1,
      total_cost_usd: 0.01,
      usage: { input_tokens: 7, output_tokens: 2 },
    });
    expect(usage).toEqual({
      turns: 1,
      tokensIn: null,
      tokensInCached: null,
      tokensOut: null,
      usd: 0.01,
      costProvenance: 'measured',
    });
  });

  it('makes a total unknown when a model lacks a figure, and sums costUSD when there is no total', () => {
    const usage = claudeCodeUsage({
      num_turns: 2,
      modelUsage: { a: model(10, 0, 0, 1, 0.001), b: { inputTokens: 5, costUSD: 0.002 } },
    });
    expect(usage).toEqual({
      turns: 2,
      tokensIn: null,
      tokensInCached: null,
      tokensOut: null,
      usd: 0.003,
      costProvenance: 'measured',
    });
  });
});
