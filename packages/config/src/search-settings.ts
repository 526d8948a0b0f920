import type { Corpus } from '@ratchet/corpus';
import { certifiedPrograms, type GepaOptions, type OptimizerBudget } from '@ratchet/optimizer';
import { buildMerge, buildProposer } from './build-proposer';
import type { OptimizableConfig, SearchSetup } from './build-search';

/** What a config fixes for every GEPA search it runs: all of `gepa`'s options but the run's own. */
export type ConfiguredSearch = Pick<
  GepaOptions,
  | 'proposer'
  | 'merge'
  | 'acceptance'
  | 'minibatch'
  | 'replicates'
  | 'objectives'
  | 'scalarization'
  | 'budget'
  | 'familyConfig'
  | 'concurrency'
>;

/** The caps a budget sets (an unset cap is absent, not undefined). */
export function optimizerBudget(budget: OptimizableConfig['optimize']['budget']): OptimizerBudget {
  return Object.fromEntries(Object.entries(budget).filter(([, cap]) => cap !== undefined));
}

/**
 * The search settings of a config's `optimize` section, the same for `ratchet optimize` and each
 * autoloop iteration: the proposer (built here, so a model's key is checked; an author is shown the
 * programs the corpus certifies for this benchmark), merges,
 * acceptance, minibatch, replicates, objectives and their weights, the budget, and what identifies the
 * family.
 *
 * @throws {WorkerConfigError} for a reflective model whose provider key is missing.
 */
export async function configuredSearch(
  config: OptimizableConfig,
  setup: SearchSetup,
  corpus: Corpus,
): Promise<ConfiguredSearch> {
  const { optimize } = config;
  const certified =
    optimize.proposer.kind === 'author' ? await certifiedPrograms(corpus, { benchmark: setup.benchmark }) : [];
  return {
    proposer: buildProposer(optimize.proposer, { certified }),
    merge: buildMerge(optimize.merge),
    acceptance: optimize.acceptance,
    minibatch: optimize.minibatch,
    replicates: optimize.replicates,
    objectives: optimize.objectives,
    scalarization: optimize.scalarization,
    budget: optimizerBudget(optimize.budget),
    familyConfig: setup.familyConfig,
    concurrency: config.concurrency,
  };
}
