import { simFamily } from '@ratchet/environments';
import {
  authorProposer,
  type MergeSettings,
  mergeProposer,
  type Proposer,
  parametricProposer,
  reflectiveProposer,
  type TokenPrice,
} from '@ratchet/optimizer';
import {
  type AuthoringExample,
  builtInProgramSources,
  compileProgram,
  type SmokeResult,
  type StrategyProgram,
  smokeRunner,
  strategyApiReference,
} from '@ratchet/sandbox';
import { defaultPrices, priceOf, resolveModel } from '@ratchet/workers';
import type { OptimizeConfig, ProposerConfig } from './optimize-config';

/**
 * The proposer a config names: the parametric one (no model), a reflective one on the model string,
 * or the author (a model writing strategy programs, shown the built-ins and `certified` programs, each
 * draft compiled and smoke-run on offline `sim` tasks before it may cost an evaluation). A model is
 * priced by the config or the default price table (an unpriced model's calls cost `null`, never 0).
 *
 * @throws {WorkerConfigError} for a model whose provider key is missing.
 */
export function buildProposer(
  config: ProposerConfig,
  context: { certified?: readonly AuthoringExample[] } = {},
): Proposer {
  if (config.kind === 'parametric') {
    return parametricProposer({
      ...(config.stepScale === undefined ? {} : { stepScale: config.stepScale }),
      ...(config.nullRate === undefined ? {} : { nullRate: config.nullRate }),
    });
  }
  const listed = priceOf(config.model, defaultPrices);
  const tokenPrice: TokenPrice | undefined =
    config.price ??
    (listed ? { inputPerMTok: listed.inputPerMillion, outputPerMTok: listed.outputPerMillion } : undefined);
  const priced = tokenPrice === undefined ? {} : { price: tokenPrice };
  const { datasetTokenBudget, maxTokens } = config;
  const budgets = {
    ...(datasetTokenBudget === undefined ? {} : { datasetTokenBudget }),
    ...(maxTokens === undefined ? {} : { maxTokens }),
  };
  if (config.kind === 'author') {
    return authorProposer({
      model: resolveModel(config.model),
      examples: [...builtInExamples(), ...(context.certified ?? [])],
      reference: strategyApiReference,
      compile: (source) => compileProgram(source),
      smoke: simSmoke(config.smokeTasks),
      rounds: config.rounds,
      ...priced,
      ...budgets,
    });
  }
  const { maxComponentChars, instructions, components } = config;
  return reflectiveProposer({
    model: resolveModel(config.model),
    ...priced,
    ...budgets,
    ...(maxComponentChars === undefined ? {} : { maxComponentChars }),
    ...(instructions === undefined ? {} : { instructions }),
    ...(components === undefined ? {} : { components }),
  });
}

/** The built-in strategies as the sandbox programs they ship as: every author's first examples. */
function builtInExamples(): AuthoringExample[] {
  return Object.entries(builtInProgramSources).map(([name, source]) => ({
    name,
    source,
    note: `built-in: what \`${name}@k\` runs`,
  }));
}

/** A smoke run on the first `count` train tasks of an offline `sim` draw, made once, when first needed. */
function simSmoke(count: number): (program: StrategyProgram) => Promise<SmokeResult> {
  let runner: Promise<(program: StrategyProgram) => Promise<SmokeResult>> | null = null;
  return async (program) => {
    runner ??= (async () => {
      const family = simFamily.create({ count: Math.max(10, count * 2), seed: 'author-smoke' });
      const tasks = (await family.environment.tasks('train')).slice(0, count);
      return smokeRunner({ family, tasks });
    })();
    return (await runner)(program);
  };
}

/** The merge steps a config asks for, or false. */
export function buildMerge(config: OptimizeConfig['merge']): MergeSettings | false {
  return config === false ? false : { proposer: mergeProposer(), every: config.every, subsample: config.subsample };
}

/** How the proposer is named in reports: `parametric`, or `reflective (openai:gpt-4o-mini)`. */
export function proposerLabel(config: ProposerConfig): string {
  return config.kind === 'parametric' ? 'parametric' : `${config.kind} (${config.model})`;
}
