import {
  autoloopConfigSchema,
  buildSearch,
  configuredSearch,
  holdoutDraws,
  loadConfig,
  type OptimizableConfig,
  preflight,
  proposerLabel,
  requireOptimize,
  type SearchSetup,
  searchFamily,
  splitTasks,
} from '@ratchet/config';
import { type Corpus, defaultCorpusUrl, openCorpus } from '@ratchet/corpus';
import { improveOrchestrator } from '../orchestrators/improve-orchestrator';
import { controllerTarget } from '../target/controller-target';
import type { AutoloopInvocation } from './autoloop-flags';
import type { LoadedTarget } from './run-autoloop';

/**
 * Builds the real orchestrator from a target folder: its `ratchet.config.json` (or `.jsonc`, `.ts`…)
 * names the environment, the worker, the search (`optimize`) and the component files (`autoloop`); the
 * controller the target holds is those files laid over the chosen controller's defaults. Every iteration
 * runs `improve` through its typed API on the config's train and val tasks and gates on the next holdout
 * not yet spent for the incumbent (a family draws a fresh one by rotation; a dataset has one).
 *
 * @throws {ConfigError} when the config is missing, invalid, has no `optimize` section, or a split is empty.
 * @throws {PreflightError} when the worker cannot run (a missing CLI or key).
 */
export async function loadConfiguredTarget(
  invocation: AutoloopInvocation,
  stderr: { write(text: string): unknown },
): Promise<LoadedTarget> {
  const loaded = await loadConfig(undefined, invocation.target);
  const config = requireOptimize(loaded.config, loaded.file);
  const { optimize } = config;
  const section = config.autoloop ?? autoloopConfigSchema.parse({});
  const home = buildSearch(config, loaded.file);
  const rotated = new Map<number, SearchSetup>();
  let corpus: Corpus | null = null;
  const close = async () => {
    await corpus?.close();
    for (const setup of rotated.values()) await setup.built.close();
    await home.built.close();
  };
  try {
    const train = await splitTasks(home, 'train', optimize.maxTrain, loaded.file);
    const val = await splitTasks(home, 'val', optimize.maxVal, loaded.file);
    for (const line of await preflight(config)) stderr.write(`preflight ok · ${line}\n`);
    const opened = await openCorpus(invocation.store ?? config.store ?? defaultCorpusUrl);
    corpus = opened;
    const search = await configuredSearch(config, home, opened);
    const target = controllerTarget({
      dir: invocation.target,
      stateRoot: invocation.stateRoot,
      base: home.baseline,
      file: section.parameters,
      texts: section.texts,
    });
    const initial = await target.current();
    const draws = holdoutDraws(config, () => home.built.environment.tasks('holdout'));
    const familyOf = (rotation: number) => {
      if (rotation === 0) return searchFamily(home);
      let setup = rotated.get(rotation);
      if (setup === undefined) {
        setup = buildSearch(draws.configFor(rotation) as OptimizableConfig, loaded.file);
        rotated.set(rotation, setup);
      }
      return searchFamily(setup);
    };
    const orchestrator = improveOrchestrator({
      corpus: opened,
      family: searchFamily(home),
      benchmark: home.benchmark,
      plan: home.plan,
      current: () => target.current(),
      train,
      val,
      holdout: (rotation) => draws.draw(rotation),
      gateFamily: familyOf,
      search,
      gate: {
        confidence: optimize.gate.confidence,
        threshold: optimize.gate.threshold,
        ...(optimize.gate.minPairs === undefined ? {} : { minPairs: optimize.gate.minPairs }),
        ...(optimize.gate.sequential === undefined ? {} : { sequential: optimize.gate.sequential }),
      },
      seed: String(optimize.seed),
      keep: (candidate, iteration) => target.keep(candidate, iteration),
      initialHash: initial.hash,
    });
    const files = target.files.map((file) => file.slice(invocation.target.length + 1)).join(', ');
    return {
      orchestrator: {
        ...orchestrator,
        async iterate(context) {
          const from = await target.current();
          stderr.write(`iteration ${context.iteration}: improving ${from.id} ${from.hash} (${files})…\n`);
          return orchestrator.iterate(context);
        },
      },
      description: `${home.baseline.id} controller on ${home.benchmark}, ${train.length} train and ${val.length} val tasks, ${optimize.strategy}@${optimize.k}, ${proposerLabel(optimize.proposer)} proposer`,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
