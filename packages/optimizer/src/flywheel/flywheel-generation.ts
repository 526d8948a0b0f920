import type { CellRecord, JsonValue } from '@ratchet/corpus';
import type { Controller, Family, Task } from '@ratchet/runtime';
import { runBenchmark } from '@ratchet/runtime';
import { bootstrapInterval, type ProportionInterval, wilsonInterval } from '@ratchet/stats';
import { learnFromCorpus } from '../learning/learn-from-corpus';
import { FlywheelInterruptedError } from './flywheel-interrupted-error';
import { type FlywheelOptions, generationSeed } from './flywheel-options';

/** One arm's result on a generation's evaluation tasks. */
export interface FlywheelArmResult {
  readonly hash: string;
  readonly solved: number;
  readonly n: number;
  readonly success: ProportionInterval;
  /** Mean per cell, over the evaluation cells: what equal compute is checked on. */
  readonly spend: { readonly attempts: number; readonly workUnits: number | null };
}

export interface FlywheelGeneration {
  readonly generation: number;
  readonly seed: string;
  readonly runId: string;
  readonly trainTasks: number;
  readonly evaluationTasks: number;
  /** The library the learned arm ran with (null at generation 0, which runs the baseline). */
  readonly libraryId: string | null;
  readonly learned: FlywheelArmResult;
  readonly frozen: FlywheelArmResult;
  /** Learned − frozen on the evaluation tasks, paired by task (bootstrap). */
  readonly difference: { readonly estimate: number; readonly low: number; readonly high: number; readonly p: number };
  /** Per evaluation task, learned and frozen outcome (1 solved, 0 not): the slopes are computed from these. */
  readonly outcomes: ReadonlyArray<{ readonly taskId: string; readonly learned: number; readonly frozen: number }>;
}

/** A generation's draw: train tasks to learn from, evaluation tasks (val and holdout splits) to measure on. */
export async function generationTasks(
  options: FlywheelOptions,
  generation: number,
): Promise<{ seed: string; familyOptions: Record<string, unknown>; train: Task[]; evaluation: Task[] }> {
  const seed = generationSeed(options.seed, generation);
  // Val and holdout are 2 tasks in 5 of every family's split: draw enough of them.
  const familyOptions = { ...options.options, seed, count: Math.ceil((options.evaluationTasks * 5) / 2) + 5 };
  const all = await options.family.draw(familyOptions);
  const train = all.filter((task) => task.split === 'train');
  const evaluation = all
    .filter((task) => task.split !== 'train')
    .sort((a, b) => a.id.localeCompare(b.id))
    .slice(0, options.evaluationTasks);
  return { seed, familyOptions, train, evaluation };
}

function armResult(hash: string, cells: readonly CellRecord[]): FlywheelArmResult {
  const judged = cells.filter((cell) => cell.status === 'ok' && cell.verdict !== null);
  const solved = judged.filter((cell) => cell.verdict?.resolved).length;
  const attempts = cells.reduce((sum, cell) => sum + cell.attempts, 0) / Math.max(1, cells.length);
  const units = cells.map((cell) => cell.spend.workUnits);
  const workUnits = units.some((u) => u === null)
    ? null
    : (units as number[]).reduce((sum, u) => sum + u, 0) / Math.max(1, cells.length);
  return {
    hash,
    solved,
    n: judged.length,
    success:
      judged.length > 0 ? wilsonInterval(solved, judged.length) : { estimate: 0, low: 0, high: 1, confidence: 0.95 },
    spend: { attempts, workUnits },
  };
}

/**
 * Runs generation g: learns the learned arm's controller from the runs of generations before g only
 * (`priorRuns`; generation 0 runs the baseline), then one run of both arms on the generation's train and
 * evaluation tasks — the train cells are what later generations learn from — and reads the evaluation
 * cells back. The run id is the flywheel's and the generation's, so a killed generation resumes.
 */
export async function runGeneration(
  options: FlywheelOptions,
  context: {
    readonly flywheelId: string;
    readonly generation: number;
    readonly baseline: Controller;
    readonly priorRuns: readonly string[];
    readonly priorInputs: ReadonlyMap<string, JsonValue>;
    /** Refuses a learned controller the plan would give other compute than the baseline. */
    readonly assertMatched: (learned: Controller) => void;
  },
): Promise<{ result: FlywheelGeneration; inputs: Map<string, JsonValue> }> {
  const { generation, baseline } = context;
  const { seed, familyOptions, train, evaluation } = await generationTasks(options, generation);
  options.onProgress?.({ generation, generations: options.generations, phase: 'learn' });
  let learned = baseline;
  let libraryId: string | null = null;
  if (generation > 0) {
    const library = await learnFromCorpus(options.corpus, {
      miner: options.family.miner as NonNullable<Family['miner']>,
      controller: baseline,
      runIds: context.priorRuns,
      inputs: context.priorInputs,
      ...(options.learnerSettings === undefined ? {} : { settings: options.learnerSettings }),
    });
    learned = library.controller;
    libraryId = library.libraryId;
  }
  context.assertMatched(learned);
  const runId = `${context.flywheelId}-g${generation}`;
  const instance = options.family.create(familyOptions, { threads: options.threads ?? 0 });
  try {
    const summary = await runBenchmark({
      ...instance,
      corpus: options.corpus,
      tasks: [...train, ...evaluation],
      arms: [
        { id: 'frozen', ...options.plan(baseline) },
        { id: 'learned', ...options.plan(learned) },
      ],
      primaryContrast: { name: 'flywheel', baseline: 'frozen', candidate: 'learned' },
      runId,
      seed: `${options.seed}/g${generation}`,
      concurrency: options.concurrency ?? 4,
      oracle: false,
      config: { flywheel: context.flywheelId, generation, libraryId } as JsonValue,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      onProgress: ({ cellsDone, cellsTotal }) =>
        options.onProgress?.({ generation, generations: options.generations, phase: 'run', cellsDone, cellsTotal }),
    });
    if (summary.status !== 'completed') {
      throw new FlywheelInterruptedError(generation, runId, summary.status, summary.stopDetail ?? summary.stopReason);
    }
  } finally {
    await instance.close();
  }
  const evaluationIds = new Set(evaluation.map((task) => task.id));
  const cells = (await options.corpus.cells({ runId })).filter((cell) => evaluationIds.has(cell.taskId));
  const outcomeOf = (arm: string, taskId: string) =>
    cells.find((cell) => cell.armId === arm && cell.taskId === taskId && cell.status === 'ok')?.verdict?.resolved
      ? 1
      : 0;
  const outcomes = evaluation.map((task) => ({
    taskId: task.id,
    learned: outcomeOf('learned', task.id),
    frozen: outcomeOf('frozen', task.id),
  }));
  const diff = bootstrapInterval(
    outcomes.map((o) => o.learned - o.frozen),
    { seed: `${options.seed}/g${generation}/difference`, resamples: options.resamples ?? 10_000 },
  );
  const result: FlywheelGeneration = {
    generation,
    seed,
    runId,
    trainTasks: train.length,
    evaluationTasks: evaluation.length,
    libraryId,
    learned: armResult(
      learned.hash,
      cells.filter((cell) => cell.armId === 'learned'),
    ),
    frozen: armResult(
      baseline.hash,
      cells.filter((cell) => cell.armId === 'frozen'),
    ),
    difference: { estimate: diff.estimate, low: diff.low, high: diff.high, p: diff.pValue },
    outcomes,
  };
  return { result, inputs: new Map(train.concat(evaluation).map((task) => [task.id, task.input as JsonValue])) };
}
