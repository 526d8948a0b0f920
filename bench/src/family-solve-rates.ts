import { openCorpus } from '@ratchet/corpus';
import type { Judge } from '@ratchet/judges';
import type { Environment, Worker } from '@ratchet/runtime';
import {
  type Analyst,
  blind,
  type Controller,
  continueBest,
  continueFromLast,
  random,
  refine,
  runBenchmark,
  type Task,
} from '@ratchet/runtime';
import { wilsonInterval } from '@ratchet/stats';
import { formatTable } from './format-table';

export interface FamilyBench {
  name: string;
  environment: Environment;
  worker: Worker;
  judge: Judge;
  analyst: Analyst;
  controller: Controller;
  /** The difficulty label of a task, for grouping. */
  difficultyOf(task: Task): string;
}

const tasks = 100;

/**
 * Solve rate by difficulty for blind, random(4), continue(4), refine(4) and continueBest(4) on the
 * family's first 100 train tasks, with Wilson 95% intervals, and the decomposition of the steering
 * result: compute (random − blind), continuation (continue − random), steering (refine − continue),
 * BH-corrected as one family; then work units per cell, so equal compute is seen on real work.
 */
export async function benchFamily(family: FamilyBench, onProgress: (message: string) => void): Promise<string> {
  const corpus = await openCorpus('sqlite::memory:');
  const taskList = (await family.environment.tasks('train')).slice(0, tasks);
  const difficulty = new Map(taskList.map((task) => [task.id, family.difficultyOf(task)]));
  const arms = [
    { id: 'blind', ...blind({ controller: family.controller }) },
    { id: 'random@4', ...random(4, { controller: family.controller }) },
    { id: 'continue@4', ...continueFromLast(4, { controller: family.controller }) },
    { id: 'refine@4', ...refine(4, { controller: family.controller }) },
    { id: 'continueBest@4', ...continueBest(4, { controller: family.controller }) },
  ];
  const started = performance.now();
  const summary = await runBenchmark({
    environment: family.environment,
    worker: family.worker,
    judge: family.judge,
    analyst: family.analyst,
    corpus,
    tasks: taskList,
    arms,
    seed: `bench/${family.name}`,
    concurrency: 4,
    oracle: false,
    onProgress: ({ cellsDone, cellsTotal }) => {
      if (cellsDone % 40 === 0) onProgress(`${family.name}: ${cellsDone}/${cellsTotal} cells`);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const cells = await corpus.cells({ runId: summary.runId });
  await corpus.close();
  const order = ['easy', 'medium', 'hard', 'out-of-reach'];
  const rank = (level: string) => (order.includes(level) ? order.indexOf(level) : order.length);
  const levels = [...new Set(difficulty.values())].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const rate = (armId: string, level?: string) => {
    const chosen = cells.filter(
      (c) => c.armId === armId && (level === undefined || difficulty.get(c.taskId) === level),
    );
    const judged = chosen.filter((c) => c.status === 'ok' && c.verdict !== null);
    const solved = judged.filter((c) => c.verdict?.resolved).length;
    if (judged.length === 0) return '—';
    const interval = wilsonInterval(solved, judged.length);
    return `${(100 * interval.estimate).toFixed(0)}% [${(100 * interval.low).toFixed(0)}–${(100 * interval.high).toFixed(0)}]`;
  };
  const rows = [...levels, 'all'].map((level) => [
    `${level} (${level === 'all' ? taskList.length : [...difficulty.values()].filter((d) => d === level).length})`,
    ...arms.map((arm) => rate(arm.id, level === 'all' ? undefined : level)),
  ]);
  const points = (value: number | null) => (value === null ? '?' : (100 * value).toFixed(1));
  const lifts = summary.contrasts.map((contrast) =>
    contrast.estimate === null
      ? `${contrast.name} (${contrast.candidate} − ${contrast.baseline}): not estimable`
      : `${contrast.name} (${contrast.candidate} − ${contrast.baseline}, ${contrast.family}${contrast.primary ? ', primary' : ''}): ${points(contrast.estimate)} points, 95% CI [${points(contrast.low)}, ${points(contrast.high)}], p = ${contrast.pValue?.toPrecision(2)}, q = ${contrast.qValue?.toPrecision(2)}, n = ${contrast.n} (${contrast.test})`,
  );
  const unit = summary.workUnit ?? 'work units';
  const work = summary.arms
    .map((arm) => {
      const perCell = arm.spend.workUnits === null || arm.cells === 0 ? null : arm.spend.workUnits / arm.cells;
      return `${arm.armId} ${perCell === null ? 'not measured' : Math.round(perCell).toLocaleString('en-US')}`;
    })
    .join(', ');
  return [
    `${family.name}: solve rate by difficulty, ${taskList.length} train tasks, default worker budget, seed "bench/${family.name}" (${seconds.toFixed(0)} s):`,
    formatTable(['difficulty (tasks)', ...arms.map((arm) => arm.id)], rows),
    ...lifts,
    `${unit} per cell: ${work}`,
  ].join('\n');
}
