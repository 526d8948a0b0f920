import { type CellRecord, openCorpus } from '@ratchet/corpus';
import {
  type SatClassSettingsMap,
  satController,
  satControllerParameters,
  satControllerSchema,
  satFamily,
  satInstanceClasses,
} from '@ratchet/environments';
import { type Controller, defineController, random, refine, runBenchmark } from '@ratchet/runtime';
import { formatRate } from './format-interval';
import { formatTable } from './format-table';
import { type ArmContrastResult, armContrasts } from './paired-arm-contrasts';

/**
 * Part (a) of the sat read side, settings fixed before any measurement: does continuing carry
 * information once the search learns clause weights? sat seed 101, the 300 train tasks (no holdout
 * task is run); k = 4 attempts per cell at 1000 flips an attempt (the primary budget) and at 250 (a
 * second, exploratory budget), so every arm of a budget may spend the same 4 × flips. Five arms:
 * - `random@4`: 4 independent plain WalkSAT attempts (the equal-compute control);
 * - `random@4 w`: 4 independent weighted attempts, each from uniform weights;
 * - `refine@4`: the default sat controller, continuing plain WalkSAT from the best assignment;
 * - `refine@4 w reset`: the weighted controller, each continuation from uniform weights
 *   (`resumeWeights: false`): weighting without what the last attempt learned;
 * - `refine@4 w`: the weighted controller, each continuation from the checkpoint's clause weights.
 * The weighted controller is the default one with every instance class set to the default noise 0.5,
 * no restarts and additive weighting. Primary contrast (named before the run): `refine@4 w` −
 * `refine@4 w reset`, success. Three secondary contrasts against `refine@4 w`: `refine@4`, `random@4`,
 * `random@4 w`. All four BH-corrected as one family per budget; paired by task, bootstrap 10,000
 * resamples. Flips per cell of the refine arms are printed as an exploratory second outcome.
 */
export const weightsSeed = 101;
export const weightsTasks = 300;
export const weightsBudgets = [1000, 250] as const;
const k = 4;

const weightedEverywhere: SatClassSettingsMap = Object.fromEntries(
  satInstanceClasses.map((instanceClass) => [instanceClass, { noise: 0.5, restartEvery: null, weighting: 'additive' }]),
);

/** The default controller with every class set to weighted WalkSAT at the default noise. */
export const weightedController = satController.withParameters({
  ...satControllerParameters,
  classSettings: weightedEverywhere,
});

/** The weighted controller whose continuations start from uniform weights: the control for carried weights. */
const weightsResetController: Controller = defineController({
  id: 'sat-weights-reset',
  schema: satControllerSchema,
  parameters: satControllerSchema.parse(weightedController.parameters),
  initial: (task) => weightedController.initial(task),
  steer(findings, history) {
    const steer = weightedController.steer(findings, history);
    return { ...steer, parameters: { ...steer.parameters, resumeWeights: false } };
  },
  topology: (history) => weightedController.topology(history),
  stop: (history) => weightedController.stop(history),
});

const arms = [
  { id: 'random@4', ...random(k, { controller: satController }) },
  { id: 'random@4 w', ...random(k, { controller: weightedController }) },
  { id: 'refine@4', ...refine(k, { controller: satController }) },
  { id: 'refine@4 w reset', ...refine(k, { controller: weightsResetController }) },
  { id: 'refine@4 w', ...refine(k, { controller: weightedController }) },
];

const contrasts = [
  { name: 'weights carried (primary)', baseline: 'refine@4 w reset', candidate: 'refine@4 w' },
  { name: 'weighted vs plain continuation', baseline: 'refine@4', candidate: 'refine@4 w' },
  { name: 'vs independent restarts', baseline: 'random@4', candidate: 'refine@4 w' },
  { name: 'vs independent weighted restarts', baseline: 'random@4 w', candidate: 'refine@4 w' },
];

export function contrastRows(results: readonly ArmContrastResult[], scale: (value: number) => string): string[][] {
  return results.map((result) => [
    `${result.name}: ${result.candidate} − ${result.baseline}`,
    result.estimate === null ? 'not estimable' : scale(result.estimate),
    result.low === null || result.high === null ? '—' : `[${scale(result.low)}, ${scale(result.high)}]`,
    result.pValue === null ? '—' : result.pValue.toPrecision(2),
    result.qValue === null ? '—' : result.qValue.toPrecision(2),
    `${result.n}${result.excluded > 0 ? ` (${result.excluded} excluded)` : ''}`,
  ]);
}

/** A difference of rates in signed points: `+5.0`, `−3.0`. */
export function points(value: number): string {
  const text = Math.abs(100 * value).toFixed(1);
  return text === '0.0' ? '0.0' : `${value > 0 ? '+' : '−'}${text}`;
}
export const flipsText = (value: number) => `${value > 0 ? '+' : value < 0 ? '−' : ''}${Math.abs(Math.round(value))}`;

/** Mean flips per cell over the cells whose flips were measured; `not measured` when none were. */
export function meanFlipsText(cells: readonly CellRecord[]): string {
  const flips = cells.flatMap((cell) => (cell.spend.workUnits === null ? [] : [cell.spend.workUnits]));
  if (flips.length === 0) return 'not measured';
  return Math.round(flips.reduce((sum, value) => sum + value, 0) / flips.length).toLocaleString('en-US');
}

function armRows(cells: readonly CellRecord[], difficulty: ReadonlyMap<string, string>): string[][] {
  return arms.map((arm) => {
    const mine = cells.filter((cell) => cell.armId === arm.id && cell.status === 'ok' && cell.verdict !== null);
    const rate = (level?: string) => {
      const some = mine.filter((cell) => level === undefined || difficulty.get(cell.taskId) === level);
      return formatRate(some.filter((cell) => cell.verdict?.resolved).length, some.length);
    };
    return [arm.id, rate(), rate('easy'), rate('medium'), rate('hard'), meanFlipsText(mine)];
  });
}

/** One budget of part (a): the five arms on the same tasks, the table and the contrasts. */
async function oneBudget(flips: number, threads: number, onProgress: (message: string) => void): Promise<string> {
  const family = satFamily.create({ count: weightsTasks, seed: weightsSeed, flips }, { threads });
  const corpus = await openCorpus('sqlite::memory:');
  try {
    const tasks = await family.environment.tasks('train');
    const difficulty = new Map(tasks.map((task) => [task.id, String(task.metadata?.difficulty ?? 'unknown')]));
    const started = performance.now();
    const summary = await runBenchmark({
      ...family,
      corpus,
      tasks,
      arms,
      primaryContrast: { name: 'weights-carried', baseline: 'refine@4 w reset', candidate: 'refine@4 w' },
      seed: `bench/sat-read-side/weights/${flips}`,
      concurrency: 4,
      oracle: false,
      onProgress: ({ cellsDone, cellsTotal }) => {
        if (cellsDone % 50 === 0) onProgress(`sat read side (a), ${flips} flips: ${cellsDone}/${cellsTotal} cells`);
      },
    });
    const seconds = (performance.now() - started) / 1000;
    const cells = await corpus.cells({ runId: summary.runId });
    const seed = `bench/sat-read-side/weights/${flips}`;
    const success = await armContrasts(corpus, summary.runId, contrasts, 'resolved', seed);
    const refineFlips = await armContrasts(corpus, summary.runId, contrasts.slice(0, 2), { spend: 'workUnits' }, seed);
    const count = (level: string) => tasks.filter((task) => difficulty.get(task.id) === level).length;
    return [
      `(a) ${flips} flips per attempt × ${k} attempts, ${tasks.length} train tasks of sat seed ${weightsSeed}${flips === weightsBudgets[0] ? ' (primary budget)' : ' (exploratory budget)'} (${seconds.toFixed(0)} s):`,
      formatTable(
        [
          'arm',
          'solved [Wilson 95%]',
          `easy (${count('easy')})`,
          `medium (${count('medium')})`,
          `hard (${count('hard')})`,
          'flips/cell',
        ],
        armRows(cells, difficulty),
      ),
      'Success, points (paired bootstrap 95% CI; BH over these four):',
      formatTable(['contrast', 'points', '95% CI', 'p', 'q', 'n'], contrastRows(success, points)),
      'Flips per cell (exploratory, lower is better; BH over these two):',
      formatTable(['contrast', 'flips', '95% CI', 'p', 'q', 'n'], contrastRows(refineFlips, flipsText)),
    ].join('\n');
  } finally {
    await corpus.close();
    await family.close();
  }
}

/** Part (a) at both budgets, primary first. */
export async function benchSatWeights(threads: number, onProgress: (message: string) => void): Promise<string> {
  const parts: string[] = [];
  for (const flips of weightsBudgets) parts.push(await oneBudget(flips, threads, onProgress));
  return parts.join('\n\n');
}
