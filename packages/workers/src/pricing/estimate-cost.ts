import type { Usage } from '@ratchet/corpus';
import type { PriceTable } from './price-table';

export interface MeteredCall {
  /** The model as written in a model string (`openai:gpt-4o`) or bare (`gpt-4o`). */
  model: string;
  tokensIn: number | null;
  tokensOut: number | null;
  /** Input tokens served from the provider's cache, part of `tokensIn`. */
  cachedTokensIn?: number | null;
  /** The cost the provider reported itself, when it does. */
  reportedUsd?: number | null;
}

/**
 * What a call cost, and how we know: `measured` when the provider reported it; `estimated` from the
 * measured tokens and the price table; `unknown` (`usd: null`) when the model is not priced or the
 * tokens were not reported — never 0.
 *
 * @example
 * costOf({ model: 'openai:gpt-4o', tokensIn: 1000, tokensOut: 500 }, defaultPrices);
 * // => { usd: 0.0075, costProvenance: 'estimated' }
 */
export function costOf(call: MeteredCall, table: PriceTable): Pick<Usage, 'usd' | 'costProvenance'> {
  if (typeof call.reportedUsd === 'number' && Number.isFinite(call.reportedUsd)) {
    return { usd: call.reportedUsd, costProvenance: 'measured' };
  }
  const price = priceOf(call.model, table);
  if (!price || call.tokensIn === null || call.tokensOut === null) return { usd: null, costProvenance: 'unknown' };
  const cached = Math.min(call.cachedTokensIn ?? 0, call.tokensIn);
  const usd =
    ((call.tokensIn - cached) * price.inputPerMillion +
      cached * (price.cachedInputPerMillion ?? price.inputPerMillion) +
      call.tokensOut * price.outputPerMillion) /
    1_000_000;
  return { usd, costProvenance: 'estimated' };
}

/** The price entry for a model: exact id first, then without its `provider:` prefix or `#` model part. */
export function priceOf(model: string, table: PriceTable) {
  const candidates = [model, model.split('#').at(-1) ?? model, model.replace(/^[a-z-]+:/, '')];
  for (const candidate of candidates) {
    const price = table.models[candidate];
    if (price) return price;
  }
  return undefined;
}
