import { type Corpus, canonicalJson, type JsonValue } from '@ratchet/corpus';
import { type Controller, type Family, runBenchmark, type Task } from '@ratchet/runtime';
import { createRng } from '@ratchet/stats';
import { learnFromCorpus } from '../learning/learn-from-corpus';
import type { CandidatePlan } from '../search-family';
import { FlywheelInterruptedError } from './flywheel-interrupted-error';

/** One learner setting the meta level tried, and how the controller it learned did on the next generation. */
export interface MetaCandidate {
  readonly settings: Readonly<Record<string, JsonValue>>;
  readonly hash: string;
  readonly solved: number;
  readonly n: number;
}

export interface MetaLearnOptions {
  readonly corpus: Corpus;
  readonly family: Family;
  /** The options of the draw the candidates are judged on (a later generation's). */
  readonly familyOptions: Readonly<Record<string, unknown>>;
  readonly baseline: Controller;
  readonly plan: CandidatePlan;
  /** The runs every candidate learns from (generations before the judging one). */
  readonly learnFrom: readonly string[];
  readonly inputs: ReadonlyMap<string, JsonValue>;
  /** Tasks no candidate learned from, on which each candidate's controller runs. */
  readonly judgeOn: readonly Task[];
  /** Settings drawn from the miner's meta space besides the base ones. */
  readonly candidates: number;
  /** The settings every candidate starts from (the flywheel's): candidate 0 is these alone. */
  readonly baseSettings?: Readonly<Record<string, JsonValue>>;
  readonly seed: string;
  readonly runId: string;
  /** The generation whose draw the candidates are judged on (named if the run is stopped). */
  readonly generation: number;
  readonly concurrency?: number;
  readonly threads?: number;
  readonly signal?: AbortSignal;
}

/**
 * The meta level (L2): the optimizer optimizing the learner. Candidate miner settings — the base ones, then
 * `candidates` distinct draws from the miner's `metaSpace` — each learn a controller from `learnFrom`, all
 * run in one run on `judgeOn`, tasks of a later generation none of them learned from; the settings whose
 * controller solved most win (ties to the earlier candidate, so the base settings win a tie). A random search,
 * the equal-budget control the optimizer uses elsewhere.
 */
export async function metaLearn(options: MetaLearnOptions): Promise<{ best: MetaCandidate; table: MetaCandidate[] }> {
  const miner = options.family.miner as NonNullable<Family['miner']>;
  const space = Object.entries(miner.metaSpace ?? {});
  const rng = createRng(options.seed).fork('meta-settings');
  const base = { ...(options.baseSettings ?? {}) };
  const tried: Array<Record<string, JsonValue>> = [base];
  const seen = new Set([canonicalJson(base)]);
  for (
    let draws = 0;
    tried.length <= options.candidates && space.length > 0 && draws < 100 * (options.candidates + 1);
    draws++
  ) {
    const settings = Object.fromEntries(
      space.map(([key, values]) => [key, values[rng.int(values.length)] as JsonValue]),
    );
    if (seen.has(canonicalJson(settings))) continue;
    seen.add(canonicalJson(settings));
    tried.push(settings);
  }
  const controllers: Controller[] = [];
  for (const settings of tried) {
    const learned = await learnFromCorpus(options.corpus, {
      miner,
      controller: options.baseline,
      runIds: options.learnFrom,
      inputs: options.inputs,
      settings,
      record: false,
    });
    controllers.push(learned.controller);
  }
  const instance = options.family.create(options.familyOptions, { threads: options.threads ?? 0 });
  try {
    const summary = await runBenchmark({
      ...instance,
      corpus: options.corpus,
      tasks: options.judgeOn,
      arms: controllers.map((controller, i) => ({ id: `meta-${i}`, ...options.plan(controller) })),
      primaryContrast: { name: 'meta', baseline: 'meta-0', candidate: `meta-${controllers.length > 1 ? 1 : 0}` },
      runId: options.runId,
      seed: options.seed,
      concurrency: options.concurrency ?? 4,
      oracle: false,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    if (summary.status !== 'completed')
      throw new FlywheelInterruptedError(options.generation, options.runId, summary.status, summary.stopDetail);
  } finally {
    await instance.close();
  }
  const cells = await options.corpus.cells({ runId: options.runId });
  const table = tried.map((settings, i): MetaCandidate => {
    const judged = cells.filter((cell) => cell.armId === `meta-${i}` && cell.status === 'ok' && cell.verdict !== null);
    return {
      settings,
      hash: (controllers[i] as Controller).hash,
      solved: judged.filter((cell) => cell.verdict?.resolved).length,
      n: judged.length,
    };
  });
  const best = table.reduce((a, b) => (b.solved > a.solved ? b : a));
  return { best, table };
}
