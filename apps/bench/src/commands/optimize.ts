import {
  buildSearch,
  configuredSearch,
  loadConfig,
  type OptimizableConfig,
  optimizerBudget,
  preflight,
  proposerLabel,
  requireOptimize,
  searchFamily,
  splitTasks,
  UsageError,
} from '@ratchet/config';
import { defaultCorpusUrl, openCorpus } from '@ratchet/corpus';
import { BudgetTooSmallError, gepa } from '@ratchet/optimizer';
import { optimizeProgressPrinter } from '../optimize/optimize-progress';
import { optimizeResultJson, optimizeSummary } from '../optimize/optimize-summary';
import { RunInterruptedError } from '../run-interrupted-error';

/** Command-line values that replace the optimize section's. */
export interface OptimizeOverrides {
  iterations?: number;
  budgetCells?: number;
  seed?: string;
}

export interface OptimizeCommandOptions {
  config: string | undefined;
  /** The store from --store or $RATCHET_STORE, which wins over the config's; else the config's, else the default. */
  store: { url: string; explicit: boolean };
  overrides: OptimizeOverrides;
  json: boolean;
  signal: AbortSignal;
  /** How to re-run this command (for the resume hint). */
  commandLine: string;
  /** `ratchet` as the user calls it (`npm run ratchet --` from a clone). */
  invocation: string;
}

/**
 * `ratchet optimize`: GEPA on the config's train and val tasks, progress on stderr, the result (or its
 * JSON) on stdout. Re-running the same command resumes the same search: its id is derived from its
 * definition, and the cells it already ran are read from the corpus, not run again.
 *
 * @throws {UsageError} when the budget cannot pay for one proposal (exit 2).
 * @throws {RunInterruptedError} on Ctrl+C, with where it stopped and the command that resumes it.
 */
export async function optimizeCommand(options: OptimizeCommandOptions): Promise<string> {
  const loaded = await loadConfig(options.config, process.cwd(), 'optimize');
  const config = withOverrides(requireOptimize(loaded.config, loaded.file), options.overrides);
  const { optimize } = config;
  const budget = optimizerBudget(optimize.budget);
  const store = options.store.explicit ? options.store.url : (config.store ?? options.store.url);
  const setup = buildSearch(config, loaded.file);
  try {
    const train = await splitTasks(setup, 'train', optimize.maxTrain, loaded.file);
    const val = await splitTasks(setup, 'val', optimize.maxVal, loaded.file);
    for (const line of await preflight(config)) process.stderr.write(`preflight ok · ${line}\n`);
    const corpus = await openCorpus(store);
    try {
      const search = await configuredSearch(config, setup, corpus);
      process.stderr.write(
        `Optimizing ${setup.baseline.id} on ${setup.benchmark}: ${train.length} train and ${val.length} val tasks, ${optimize.strategy}@${optimize.k}, ${proposerLabel(optimize.proposer)} proposer, ${budgetText(optimize.budget)} → ${store}\n`,
      );
      const result = await gepa({
        corpus,
        family: searchFamily(setup),
        benchmark: setup.benchmark,
        baseline: setup.baseline,
        plan: setup.plan,
        train,
        val,
        ...search,
        seed: String(optimize.seed),
        signal: options.signal,
        onProgress: optimizeProgressPrinter(),
        resumeCommand: options.commandLine,
      }).catch((error: unknown) => {
        if (error instanceof BudgetTooSmallError) throw new UsageError(error.message, { cause: error });
        throw error;
      });
      const ratchet = `${options.invocation} ${store === defaultCorpusUrl ? '' : `--store ${store} `}`;
      const context = {
        benchmark: setup.benchmark,
        baseline: { hash: setup.baseline.hash, parameters: setup.baseline.parameters },
        valTaskIds: val.map((task) => task.id),
        objectives: optimize.objectives,
        scalarization: optimize.scalarization,
        budget,
        gateCommand: `${ratchet}gate ${options.config ?? ''}${options.config ? ' ' : ''}--candidate ${result.best.hash}`,
        reportCommand: `${ratchet}report ${result.optimizationId}`,
      };
      if (result.stop.reason === 'signal') {
        throw new RunInterruptedError(
          `${optimizeSummary(result, context)}\n\nInterrupted: every finished cell and iteration is recorded in ${store}. Resume with:\n  ${options.commandLine}`,
        );
      }
      return options.json
        ? JSON.stringify(optimizeResultJson(result, context), null, 2)
        : optimizeSummary(result, context);
    } finally {
      await corpus.close();
    }
  } finally {
    await setup.built.close();
  }
}

function withOverrides(config: OptimizableConfig, overrides: OptimizeOverrides): OptimizableConfig {
  const { optimize } = config;
  const budget = {
    ...optimize.budget,
    ...(overrides.iterations === undefined ? {} : { iterations: overrides.iterations }),
    ...(overrides.budgetCells === undefined ? {} : { cells: overrides.budgetCells }),
  };
  return {
    ...config,
    optimize: { ...optimize, budget, ...(overrides.seed === undefined ? {} : { seed: overrides.seed }) },
  };
}

function budgetText(budget: OptimizableConfig['optimize']['budget']): string {
  const caps = [
    budget.cells === undefined ? null : `${budget.cells} cells`,
    budget.usd === undefined ? null : `$${budget.usd}`,
    budget.iterations === undefined ? null : `${budget.iterations} iterations`,
  ].filter((cap) => cap !== null);
  return `budget ${caps.join(', ')}`;
}
