import {
  buildSearch,
  holdoutDraws,
  loadConfig,
  preflight,
  requireOptimize,
  type SearchSetup,
  searchFamily,
  UsageError,
} from '@ratchet/config';
import { type JsonValue, openCorpus } from '@ratchet/corpus';
import { GateInterruptedError, gate, IdenticalChampionError, nextHoldout } from '@ratchet/optimizer';
import type { Controller } from '@ratchet/runtime';
import { type FoundCandidate, findCandidate } from '../optimize/find-candidate';
import { gateJson, gateText } from '../optimize/gate-text';
import { RunInterruptedError } from '../run-interrupted-error';

export interface GateCommandOptions {
  config: string | undefined;
  store: { url: string; explicit: boolean };
  /** The candidate's hash (or a unique prefix of 6+ characters). */
  candidate: string;
  /** Draw the next holdout not yet spent for this incumbent. */
  rotate: boolean;
  json: boolean;
  signal: AbortSignal;
  commandLine: string;
}

/**
 * `ratchet gate`: decides once, on a frozen holdout, whether a candidate an optimization found replaces
 * the config's baseline, and writes the decision into the holdout ledger. The incumbent is the
 * `optimize.baseline` controller; the candidate is rebuilt from its record; the holdout must share no
 * task with what the candidate was searched on (its optimizations' train and val tasks).
 *
 * @throws {HoldoutSpentError} when this holdout already decided for this incumbent (use `--rotate`).
 * @throws {RunInterruptedError} on Ctrl+C: nothing was decided; the same command resumes the holdout run.
 */
export async function gateCommand(options: GateCommandOptions): Promise<string> {
  const loaded = await loadConfig(options.config, process.cwd(), 'gate');
  const config = requireOptimize(loaded.config, loaded.file);
  const store = options.store.explicit ? options.store.url : (config.store ?? options.store.url);
  const home = buildSearch(config, loaded.file);
  const corpus = await openCorpus(store);
  let setup: SearchSetup | null = null;
  try {
    const found = await findCandidate(corpus, options.candidate, home.benchmark);
    const candidate = rebuild(home.baseline, found);
    // Before the ledger is read: a candidate equal to the incumbent has nothing to decide, spent or not.
    if (candidate.hash === home.baseline.hash) throw new IdenticalChampionError(candidate.hash);
    const draws = holdoutDraws(config, () => home.built.environment.tasks('holdout'));
    const holdout = await nextHoldout(corpus, {
      benchmark: home.benchmark,
      incumbentHash: home.baseline.hash,
      draw: draws.draw,
      rotate: options.rotate,
    });
    setup = holdout.rotation === 0 ? home : buildSearch(draws.configFor(holdout.rotation), loaded.file);
    for (const line of await preflight(config)) process.stderr.write(`preflight ok · ${line}\n`);
    process.stderr.write(
      `Gate ${found.record.hash} against ${home.baseline.hash} on holdout "${holdout.key}": 2 controllers × ${holdout.tasks.length} tasks × ${config.optimize.replicates} replicate(s)${config.optimize.gate.sequential === undefined ? '' : ` (sequential: at most ${config.optimize.gate.sequential.maxItems} items, in batches of ${config.optimize.gate.sequential.batchSize ?? 5})`} → ${store}\n`,
    );
    const outcome = await gate({
      corpus,
      family: searchFamily(setup),
      benchmark: home.benchmark,
      plan: home.plan,
      incumbent: home.baseline,
      candidate,
      holdout,
      searchedOn: searchedOn(found),
      optimizationId: found.optimizations[0]?.optimizationId ?? null,
      seed: String(config.optimize.seed),
      replicates: config.optimize.replicates,
      confidence: config.optimize.gate.confidence,
      threshold: config.optimize.gate.threshold,
      ...(config.optimize.gate.minPairs === undefined ? {} : { minPairs: config.optimize.gate.minPairs }),
      ...(config.optimize.gate.sequential === undefined ? {} : { sequential: config.optimize.gate.sequential }),
      concurrency: config.concurrency,
      signal: options.signal,
      config: { holdoutRotation: holdout.rotation, candidate: found.record.hash },
    }).catch((error: unknown) => {
      if (error instanceof GateInterruptedError && options.signal.aborted) {
        throw new RunInterruptedError(
          `Interrupted: nothing was decided and the holdout is not spent; the holdout cells finished so far are recorded in ${store}. Resume with:\n  ${options.commandLine}`,
        );
      }
      throw error;
    });
    const context = {
      benchmark: home.benchmark,
      holdout: { key: holdout.key, rotation: holdout.rotation, tasks: holdout.tasks.length },
      incumbentLabel: Object.keys(config.optimize.baseline).length === 0 ? 'the defaults' : 'optimize.baseline',
    };
    return options.json ? JSON.stringify(gateJson(outcome, context), null, 2) : gateText(outcome, context);
  } finally {
    await corpus.close();
    if (setup !== null && setup !== home) await setup.built.close();
    await home.built.close();
  }
}

/**
 * The candidate's controller: the baseline's controller with the candidate's parameters.
 *
 * @throws {UsageError} when it does not rebuild to the recorded hash (another controller, or a changed one).
 */
function rebuild(baseline: Controller, found: FoundCandidate): Controller {
  const { record } = found;
  if (record.controllerId !== baseline.id) {
    throw new UsageError(
      `candidate ${record.hash} is a "${record.controllerId}" controller, and this config's baseline is "${baseline.id}": gate it with the config it was searched with`,
    );
  }
  const controller = baseline.withParameters(record.parameters);
  if (controller.hash !== record.hash) {
    throw new UsageError(
      `candidate ${record.hash} rebuilds to hash ${controller.hash}: the "${baseline.id}" controller changed since ${record.optimizationId} found it; run a new optimization`,
    );
  }
  return controller;
}

/** Every train and val task the candidate's optimizations searched on: the holdout must share none. */
function searchedOn(found: FoundCandidate): string[] {
  const ids = new Set<string>();
  for (const { config } of found.optimizations) {
    for (const field of ['train', 'val'] as const) for (const id of taskIdsOf(config, field)) ids.add(id);
  }
  return [...ids];
}

function taskIdsOf(config: JsonValue, field: 'train' | 'val'): string[] {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) return [];
  const ids = config[field];
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}
