import type { LanguageModelUsage } from 'ai';
import type { ProposerUsage } from './proposer';

/** Dollars per million tokens, in and out: how a proposal's cost is estimated from its token counts. */
export interface TokenPrice {
  readonly inputPerMTok: number;
  readonly outputPerMTok: number;
}

/**
 * The usage of one model call: its tokens as the SDK reports them (null where the provider did not),
 * and dollars estimated from a price when one is given and both counts are known. Without a price the
 * cost is `unknown` with `usd: null` — never 0, which would read as a free call (docs/design.md rule 5).
 *
 * @example
 * modelCallUsage({ inputTokens: 1000, outputTokens: 500, … }, { inputPerMTok: 3, outputPerMTok: 15 });
 * // => { calls: 1, tokensIn: 1000, tokensOut: 500, usd: 0.0105, costProvenance: 'estimated' }
 */
export function modelCallUsage(usage: LanguageModelUsage, price: TokenPrice | undefined): ProposerUsage {
  const tokensIn = usage.inputTokens ?? null;
  const tokensOut = usage.outputTokens ?? null;
  if (price === undefined || tokensIn === null || tokensOut === null) {
    return { calls: 1, tokensIn, tokensOut, usd: null, costProvenance: 'unknown' };
  }
  const usd = (tokensIn * price.inputPerMTok + tokensOut * price.outputPerMTok) / 1_000_000;
  return { calls: 1, tokensIn, tokensOut, usd, costProvenance: 'estimated' };
}
