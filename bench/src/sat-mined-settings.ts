import { openCorpus } from '@ratchet/corpus';
import {
  mineSatSettings,
  rankSatSettings,
  type SatClassSettings,
  type SatClassSettingsMap,
  type SatSettingsExample,
  satController,
  satControllerParameters,
  satFamily,
  satInstanceClasses,
} from '@ratchet/environments';
import { blind, type Controller, refine, runBenchmark } from '@ratchet/runtime';
import { formatRate } from './format-interval';
import { formatTable } from './format-table';
import { armContrasts } from './paired-arm-contrasts';
import { contrastRows, flipsText, meanFlipsText, points } from './sat-weights-comparison';

/**
 * Part (b) of the sat read side, settings fixed before any measurement: do settings mined from one
 * run's certified train attempts beat the default controller on fresh tasks?
 * - Mining run: sat seed 102, its 150 train tasks, the default 3000 flips an attempt. A grid of 16
 *   arms, each `blind` (one fresh attempt, so its flips are the flips to solve) with the default
 *   controller whose every class is set to one grid point: noise 0.3 / 0.4 / 0.5 / 0.6 × restarts
 *   every 1000 flips or none × weighting none / additive.
 * - Mining: the certified attempts (every check passed) of that run's train cells, as
 *   `SatSettingsExample`s, through `mineSatSettings` with a minimum support of 5 distinct tasks.
 * - Evaluation: sat seed 103 (fresh tasks), its 300 train tasks, 3000 flips an attempt; the default
 *   controller against the default with the mined `classSettings`, as `blind` (primary: what the
 *   settings were mined for) and as `refine@4` (secondary). Success paired by task, bootstrap 10,000
 *   resamples, BH over the two; flips per cell printed as an exploratory second outcome.
 */
export const miningSeed = 102;
export const miningTasks = 150;
export const evaluationSeed = 103;
export const evaluationTasks = 300;
const minSupport = 5;

const grid: SatClassSettings[] = [0.3, 0.4, 0.5, 0.6].flatMap((noise) =>
  [null, 1000].flatMap((restartEvery) =>
    (['none', 'additive'] as const).map((weighting) => ({ noise, restartEvery, weighting })),
  ),
);

const label = (settings: SatClassSettings) =>
  `noise ${settings.noise.toFixed(1)}, ${settings.restartEvery === null ? 'no restarts' : `restart ${settings.restartEvery}`}, ${settings.weighting}`;

const withClassSettings = (classSettings: SatClassSettingsMap): Controller =>
  satController.withParameters({ ...satControllerParameters, classSettings });

const everywhere = (settings: SatClassSettings): SatClassSettingsMap =>
  Object.fromEntries(satInstanceClasses.map((instanceClass) => [instanceClass, settings]));

/** Runs the grid on the mining seed's train tasks and returns the certified attempts as examples. */
async function mineGrid(threads: number, onProgress: (message: string) => void) {
  const family = satFamily.create({ count: miningTasks, seed: miningSeed }, { threads });
  const corpus = await openCorpus('sqlite::memory:');
  try {
    const tasks = await family.environment.tasks('train');
    const inputs = new Map(tasks.map((task) => [task.id, task.input]));
    const summary = await runBenchmark({
      ...family,
      corpus,
      tasks,
      arms: grid.map((settings) => ({
        id: label(settings),
        ...blind({ controller: withClassSettings(everywhere(settings)) }),
      })),
      primaryContrast: {
        name: 'grid',
        baseline: label(grid[8] as SatClassSettings),
        candidate: label(grid[9] as SatClassSettings),
      },
      seed: 'bench/sat-read-side/mining',
      concurrency: 4,
      oracle: false,
      onProgress: ({ cellsDone, cellsTotal }) => {
        if (cellsDone % 50 === 0) onProgress(`sat read side (b), mining grid: ${cellsDone}/${cellsTotal} cells`);
      },
    });
    // Certified: every deployable check passed. The verdicts are not read; the split is train only.
    const records = await corpus.records({ runId: summary.runId, split: 'train' });
    const examples: SatSettingsExample[] = records
      .filter((record) => record.checks.length > 0 && record.checks.every((check) => check.passed === true))
      .map((record) => ({
        taskId: record.taskId,
        input: inputs.get(record.taskId),
        steer: record.steer,
        workUnits: record.usage.workUnits,
        createdAt: record.createdAt,
      }));
    return { examples, attempts: records.length, tasks: tasks.length };
  } finally {
    await corpus.close();
    await family.close();
  }
}

/** Settings the default controller runs with when no class settings are given. */
const defaultKey = label({ noise: 0.5, restartEvery: null, weighting: 'none' });
const shown = 5;

/** Per class, the first five settings of the ranking, and the defaults' row wherever it ranked. */
function rankingTable(examples: readonly SatSettingsExample[]): string {
  const rows = rankSatSettings(examples, { minSupport }).classes.flatMap(({ instanceClass, tasks, candidates }) =>
    candidates.flatMap((candidate, rank) => {
      if (rank >= shown && label(candidate.settings) !== defaultKey) return [];
      return [
        [
          rank === 0 ? `${instanceClass} (${tasks} tasks)` : '',
          `${rank + 1}`,
          `${label(candidate.settings)}${label(candidate.settings) === defaultKey ? ' (default)' : ''}`,
          `${candidate.solved}`,
          candidate.medianFlips === null ? 'unsolved' : Math.round(candidate.medianFlips).toLocaleString('en-US'),
          Math.round(candidate.meanSolvedFlips).toLocaleString('en-US'),
        ],
      ];
    }),
  );
  return formatTable(['class', 'rank', 'settings', 'solved', 'penalised median flips', 'mean flips, solved'], rows);
}

/** Part (b): mine on seed 102, evaluate on seed 103. */
export async function benchSatMinedSettings(threads: number, onProgress: (message: string) => void): Promise<string> {
  let started = performance.now();
  const mined = await mineGrid(threads, onProgress);
  const learned = mineSatSettings(mined.examples, { minSupport });
  const miningSeconds = (performance.now() - started) / 1000;
  const minedLines = Object.entries(learned).map(
    ([instanceClass, settings]) => `  ${instanceClass}: ${label(settings)}`,
  );

  started = performance.now();
  const family = satFamily.create({ count: evaluationTasks, seed: evaluationSeed }, { threads });
  const corpus = await openCorpus('sqlite::memory:');
  try {
    const tasks = await family.environment.tasks('train');
    const minedController = withClassSettings(learned);
    const arms = [
      { id: 'blind default', ...blind({ controller: satController }) },
      { id: 'blind mined', ...blind({ controller: minedController }) },
      { id: 'refine@4 default', ...refine(4, { controller: satController }) },
      { id: 'refine@4 mined', ...refine(4, { controller: minedController }) },
    ];
    const seed = 'bench/sat-read-side/mined';
    const summary = await runBenchmark({
      ...family,
      corpus,
      tasks,
      arms,
      primaryContrast: { name: 'mined-settings', baseline: 'blind default', candidate: 'blind mined' },
      seed,
      concurrency: 4,
      oracle: false,
      onProgress: ({ cellsDone, cellsTotal }) => {
        if (cellsDone % 50 === 0) onProgress(`sat read side (b), evaluation: ${cellsDone}/${cellsTotal} cells`);
      },
    });
    const cells = await corpus.cells({ runId: summary.runId });
    const contrasts = [
      { name: 'mined, blind (primary)', baseline: 'blind default', candidate: 'blind mined' },
      { name: 'mined, refine@4', baseline: 'refine@4 default', candidate: 'refine@4 mined' },
    ];
    const success = await armContrasts(corpus, summary.runId, contrasts, 'resolved', seed);
    const flips = await armContrasts(corpus, summary.runId, contrasts, { spend: 'workUnits' }, seed);
    const rows = arms.map((arm) => {
      const mine = cells.filter((cell) => cell.armId === arm.id && cell.status === 'ok' && cell.verdict !== null);
      return [
        arm.id,
        formatRate(mine.filter((cell) => cell.verdict?.resolved).length, mine.length),
        meanFlipsText(mine),
      ];
    });
    return [
      `(b) Mining run: ${grid.length} settings × ${mined.tasks} train tasks of sat seed ${miningSeed}, blind at 3000 flips; ${mined.examples.length} of ${mined.attempts} attempts certified (${miningSeconds.toFixed(0)} s). Ranking (top ${shown} per class and the default; minimum support ${minSupport} tasks):`,
      rankingTable(mined.examples),
      `Mined classSettings (controller ${minedController.hash}; the default is ${satController.hash}):`,
      ...(minedLines.length > 0 ? minedLines : ['  (none: no class had settings with enough support)']),
      `Evaluation on ${tasks.length} fresh train tasks of sat seed ${evaluationSeed}, 3000 flips an attempt (${((performance.now() - started) / 1000).toFixed(0)} s):`,
      formatTable(['arm', 'solved [Wilson 95%]', 'flips/cell'], rows),
      'Success, points (paired bootstrap 95% CI; BH over these two):',
      formatTable(['contrast', 'points', '95% CI', 'p', 'q', 'n'], contrastRows(success, points)),
      'Flips per cell (exploratory, lower is better; BH over these two):',
      formatTable(['contrast', 'flips', '95% CI', 'p', 'q', 'n'], contrastRows(flips, flipsText)),
    ].join('\n');
  } finally {
    await corpus.close();
    await family.close();
  }
}
