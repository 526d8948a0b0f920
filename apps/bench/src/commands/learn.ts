import { rename, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { armNeedsLoading, buildRun, loadMinerFamily, UsageError } from '@ratchet/config';
import { type JsonValue, openCorpus } from '@ratchet/corpus';
import { learnFromCorpus } from '@ratchet/optimizer';

export interface LearnCommandOptions {
  readonly config: string | undefined;
  /** The store from --store or $RATCHET_STORE, which wins over the config's; else the config's, else the default. */
  readonly store: { url: string; explicit: boolean };
  /** Only these runs (default: every run of the config's benchmark). */
  readonly runs: readonly string[];
  readonly until?: string;
  /** The miner's settings as JSON text (`{"minSupport": 2}`). */
  readonly settings?: string;
  /** Where to write the library (default `library.json`). */
  readonly out: string;
  readonly json: boolean;
}

/**
 * `ratchet learn`: learns a library for the config's family from the certified train and val attempts in
 * the corpus (holdout cells are never read) and writes it as a JSON file — the controller's parameters,
 * the miner's settings and summary, and where it came from — which an arm loads with `"parameters"`.
 * Written to a temporary file and renamed, so a crash leaves no half-written library.
 *
 * @throws {UsageError} when the config's environment is not a family with a miner, or the settings are not JSON.
 */
export async function learnCommand(options: LearnCommandOptions): Promise<string> {
  const { config, family } = await loadMinerFamily(options.config, 'there is nothing to learn a library with');
  let settings: unknown = {};
  if (options.settings !== undefined) {
    try {
      settings = JSON.parse(options.settings);
    } catch (error) {
      throw new UsageError(`--settings must be a JSON object, e.g. '{"minSupport": 2}' (${(error as Error).message})`);
    }
  }
  const store = options.store.explicit ? options.store.url : (config.store ?? options.store.url);
  const built = buildRun({ ...config, arms: config.arms.filter((arm) => !armNeedsLoading(arm)) });
  try {
    const inputs = new Map((await built.environment.tasks()).map((task) => [task.id, task.input as JsonValue]));
    const corpus = await openCorpus(store);
    try {
      const learned = await learnFromCorpus(corpus, {
        miner: family.miner,
        controller: built.controller(),
        settings,
        inputs,
        ...(options.runs.length > 0 ? { runIds: options.runs } : { benchmarks: [built.environment.id] }),
        ...(options.until === undefined ? {} : { until: options.until }),
      });
      const artifact = {
        kind: 'library',
        libraryId: learned.libraryId,
        learner: learned.learner,
        controllerId: learned.controller.id,
        hash: learned.controller.hash,
        parameters: learned.controller.parameters,
        settings: learned.settings,
        source: learned.source,
        summary: learned.summary,
        createdAt: learned.createdAt,
      };
      await writeFile(`${options.out}.partial`, `${JSON.stringify(artifact, null, 2)}\n`);
      await rename(`${options.out}.partial`, options.out);
      if (options.json) return JSON.stringify(artifact, null, 2);
      const { source } = learned;
      const fragments = (learned.summary as { fragments?: Array<{ program: string; support: number }> }).fragments;
      return [
        `learned ${learned.libraryId} (${learned.learner}) from ${source.attempts} certified attempts of ${source.tasks} tasks in ${source.runIds.length} runs; holdout cells are never read (left out: ${source.skipped.uncertified} uncertified, ${source.skipped.holdoutTask} of tasks on a holdout split elsewhere, ${source.skipped.afterCutoff} after the cut-off)`,
        ...(fragments === undefined
          ? []
          : [
              `${fragments.length} fragments${fragments.length === 0 ? '' : ':'}`,
              ...fragments.map((f) => `  ${f.program}  (${f.support} tasks)`),
            ]),
        `controller ${learned.controller.id} ${learned.controller.hash}; saved in the corpus as ${learned.libraryId} with the ids of the ${source.cellIds.length} cells it came from; wrote ${options.out}`,
        `use it in an arm (the path relative to the config file): { "strategy": "refine", "k": 4, "parameters": "${basename(options.out)}" }`,
      ].join('\n');
    } finally {
      await corpus.close();
    }
  } finally {
    await built.close();
  }
}
