import {
  type MergeSettings,
  mergeProposer,
  type Proposer,
  parametricProposer,
  reflectiveProposer,
  type TokenPrice,
} from '@ratchet/optimizer';
import { defaultPrices, priceOf, resolveModel } from '@ratchet/workers';
import type { OptimizeConfig, ProposerConfig } from './optimize-config';

/**
 * The proposer a config names: the parametric one (no model), or a reflective one on the model string,
 * priced by the config or the default price table (an unpriced model's calls cost `null`, never 0).
 *
 * @throws {WorkerConfigError} for a reflective model whose provider key is missing.
 */
export function buildProposer(config: ProposerConfig): Proposer {
  if (config.kind === 'parametric') {
    return parametricProposer({
      ...(config.stepScale === undefined ? {} : { stepScale: config.stepScale }),
      ...(config.nullRate === undefined ? {} : { nullRate: config.nullRate }),
    });
  }
  const { model, price, datasetTokenBudget, maxTokens, maxComponentChars, instructions, components } = config;
  const listed = priceOf(model, defaultPrices);
  const tokenPrice: TokenPrice | undefined =
    price ?? (listed ? { inputPerMTok: listed.inputPerMillion, outputPerMTok: listed.outputPerMillion } : undefined);
  return reflectiveProposer({
    model: resolveModel(model),
    ...(tokenPrice === undefined ? {} : { price: tokenPrice }),
    ...(datasetTokenBudget === undefined ? {} : { datasetTokenBudget }),
    ...(maxTokens === undefined ? {} : { maxTokens }),
    ...(maxComponentChars === undefined ? {} : { maxComponentChars }),
    ...(instructions === undefined ? {} : { instructions }),
    ...(components === undefined ? {} : { components }),
  });
}

/** The merge steps a config asks for, or false. */
export function buildMerge(config: OptimizeConfig['merge']): MergeSettings | false {
  return config === false ? false : { proposer: mergeProposer(), every: config.every, subsample: config.subsample };
}

/** How the proposer is named in reports: `parametric`, or `reflective (openai:gpt-4o-mini)`. */
export function proposerLabel(config: ProposerConfig): string {
  return config.kind === 'parametric' ? 'parametric' : `reflective (${config.model})`;
}
