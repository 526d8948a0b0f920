import type { PriceTable } from './price-table';

/**
 * List prices (US dollars per million tokens) as the providers published them on `date`. Prices
 * change: pass your own file to `loadPriceTable` to override or extend this table. A model that is in
 * neither has an unknown cost (`null`), never 0.
 */
export const defaultPrices: PriceTable = {
  date: '2025-06-01',
  currency: 'USD',
  models: {
    'gpt-4o': { inputPerMillion: 2.5, outputPerMillion: 10, cachedInputPerMillion: 1.25 },
    'gpt-4o-mini': { inputPerMillion: 0.15, outputPerMillion: 0.6, cachedInputPerMillion: 0.075 },
    'gpt-4.1': { inputPerMillion: 2, outputPerMillion: 8, cachedInputPerMillion: 0.5 },
    'gpt-4.1-mini': { inputPerMillion: 0.4, outputPerMillion: 1.6, cachedInputPerMillion: 0.1 },
    o3: { inputPerMillion: 2, outputPerMillion: 8, cachedInputPerMillion: 0.5 },
    'o4-mini': { inputPerMillion: 1.1, outputPerMillion: 4.4, cachedInputPerMillion: 0.275 },
    'claude-opus-4-0': { inputPerMillion: 15, outputPerMillion: 75, cachedInputPerMillion: 1.5 },
    'claude-sonnet-4-0': { inputPerMillion: 3, outputPerMillion: 15, cachedInputPerMillion: 0.3 },
    'claude-3-5-haiku-latest': { inputPerMillion: 0.8, outputPerMillion: 4, cachedInputPerMillion: 0.08 },
  },
};
