import { rename, writeFile } from 'node:fs/promises';
import { flywheelConfigSchema, loadMinerFamily } from '@ratchet/config';
import { openCorpus } from '@ratchet/corpus';
import {
  ablationGrid,
  FlywheelInterruptedError,
  type FlywheelOptions,
  type FlywheelProgress,
  flywheel,
} from '@ratchet/optimizer';
import { random, refine } from '@ratchet/runtime';
import { flywheelHtml } from '../report/flywheel-html';
import { ablationText, flywheelJson, flywheelText } from '../report/flywheel-text';
import { RunInterruptedError } from '../run-interrupted-error';

export interface FlywheelCommandOptions {
  readonly config: string | undefined;
  /** The store from --store or $RATCHET_STORE, which wins over the config's; else the config's, else the default. */
  readonly store: { url: string; explicit: boolean };
  readonly generations?: number;
  readonly tasks?: number;
  readonly seed?: string;
  readonly json: boolean;
  readonly html?: string;
  /** Also run the level ablation grid on the last generation. */
  readonly ablation: boolean;
  readonly signal: AbortSignal;
  /** How to re-run this command (for the resume hint). */
  readonly commandLine: string;
}

/**
 * `ratchet flywheel`: the flywheel test on the config's family — generations of fresh draws, a controller
 * learned from the earlier generations against the frozen generation-0 one, refine@k for both — with
 * progress on stderr, the table, both curves as sparklines, the slopes and the verdict on stdout (or JSON),
 * and an HTML page with both curves. The same command resumes: every cell and library is in the corpus.
 *
 * @throws {UsageError} when the environment is not a family with a miner.
 * @throws {RunInterruptedError} on Ctrl+C, with the command that resumes it.
 */
export async function flywheelCommand(options: FlywheelCommandOptions): Promise<string> {
  const { config, family } = await loadMinerFamily(options.config, 'a flywheel has nothing to learn');
  const environment = config.environment;
  const section = flywheelConfigSchema.parse(config.flywheel ?? {});
  const { kind: _kind, count: _count, seed: _seed, ...familyOptions } = environment as Record<string, unknown>;
  const store = options.store.explicit ? options.store.url : (config.store ?? options.store.url);
  const generations = options.generations ?? section.generations;
  const corpus = await openCorpus(store);
  try {
    const settings: FlywheelOptions = {
      corpus,
      family,
      options: familyOptions,
      generations,
      evaluationTasks: options.tasks ?? section.evaluationTasks,
      plan: (controller) => refine(section.k, { controller }),
      learnerSettings: section.learner,
      seed: options.seed ?? section.seed,
      concurrency: config.concurrency ?? 4,
      threads: 2,
      signal: options.signal,
      onProgress: ({ generation, phase, cellsDone, cellsTotal }: FlywheelProgress) => {
        if (phase === 'learn')
          process.stderr.write(`generation ${generation}/${generations} · learning from generations before it\n`);
        else if (
          phase === 'run' &&
          cellsDone !== undefined &&
          cellsTotal !== undefined &&
          (cellsDone % 50 === 0 || cellsDone === cellsTotal)
        ) {
          process.stderr.write(`generation ${generation}/${generations} · ${cellsDone}/${cellsTotal} cells\n`);
        }
      },
    };
    const result = await flywheel(settings);
    const grid = options.ablation
      ? await ablationGrid({ ...settings, result, offPlan: (controller) => random(section.k, { controller }) })
      : null;
    if (options.html !== undefined) {
      await writeFile(`${options.html}.partial`, flywheelHtml(result));
      await rename(`${options.html}.partial`, options.html);
    }
    if (options.json) return JSON.stringify({ ...(flywheelJson(result) as object), ablation: grid }, null, 2);
    return [
      flywheelText(result),
      ...(grid === null ? [] : ['', ablationText(grid)]),
      ...(options.html === undefined ? [] : [`report: ${options.html}`]),
    ].join('\n');
  } catch (error) {
    if (error instanceof FlywheelInterruptedError) {
      throw new RunInterruptedError(`${error.message}\nResume with:\n  ${options.commandLine}`);
    }
    throw error;
  } finally {
    await corpus.close();
  }
}
