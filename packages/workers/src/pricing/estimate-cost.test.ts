import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPrices } from './default-prices';
import { costOf } from './estimate-cost';
import { loadPriceTable } from './price-table';

describe('costOf', () => {
  it('estimates from measured tokens and the table, prefixes and cached input included', () => {
    // 1,000 in × $2.50/M + 500 out × $10/M = $0.0075
    expect(costOf({ model: 'openai:gpt-4o', tokensIn: 1000, tokensOut: 500 }, defaultPrices)).toEqual({
      usd: 0.0075,
      costProvenance: 'estimated',
    });
    // 600 fresh × $2.50/M + 400 cached × $1.25/M + 500 × $10/M = $0.0070
    expect(
      costOf({ model: 'gpt-4o', tokensIn: 1000, tokensOut: 500, cachedTokensIn: 400 }, defaultPrices).usd,
    ).toBeCloseTo(0.007, 12);
  });

  it('prefers the cost the provider reported', () => {
    expect(costOf({ model: 'gpt-4o', tokensIn: 1, tokensOut: 1, reportedUsd: 0.5 }, defaultPrices)).toEqual({
      usd: 0.5,
      costProvenance: 'measured',
    });
  });

  it('says unknown, never 0, for an unpriced model or unreported tokens', () => {
    expect(
      costOf({ model: 'compat:http://localhost:11434/v1#qwen3', tokensIn: 10, tokensOut: 10 }, defaultPrices),
    ).toEqual({
      usd: null,
      costProvenance: 'unknown',
    });
    expect(costOf({ model: 'gpt-4o', tokensIn: null, tokensOut: 10 }, defaultPrices).usd).toBeNull();
  });
});

describe('loadPriceTable', () => {
  it('lays a user file over the shipped table', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ratchet-prices-')), 'prices.json');
    writeFileSync(
      path,
      JSON.stringify({
        date: '2026-11-01',
        currency: 'USD',
        models: {
          qwen3: { inputPerMillion: 0, outputPerMillion: 0 },
          'gpt-4o': { inputPerMillion: 2, outputPerMillion: 8 },
        },
      }),
    );
    const table = await loadPriceTable(path, defaultPrices);
    expect(table.date).toBe('2026-11-01');
    expect(table.models['gpt-4o']?.inputPerMillion).toBe(2);
    expect(table.models['gpt-4o-mini']).toEqual(defaultPrices.models['gpt-4o-mini']);
    expect(costOf({ model: 'compat:http://localhost:11434/v1#qwen3', tokensIn: 10, tokensOut: 10 }, table)).toEqual({
      usd: 0,
      costProvenance: 'estimated',
    });
  });

  it('names the file and the bad field', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ratchet-prices-')), 'prices.json');
    writeFileSync(path, JSON.stringify({ date: 'yesterday', currency: 'USD', models: {} }));
    await expect(loadPriceTable(path, defaultPrices)).rejects.toThrow(/price file .*prices\.json is invalid: date: /);
  });
});
