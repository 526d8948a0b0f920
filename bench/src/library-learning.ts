import { openCorpus } from '@ratchet/corpus';
import { type DslTask, dslFamily, dslMiner } from '@ratchet/environments';
import { learnFromCorpus } from '@ratchet/optimizer';
import { random, refine, runBenchmark } from '@ratchet/runtime';
import { wilsonInterval } from '@ratchet/stats';
import { formatTable } from './format-table';

/**
 * The settings of the library measurement, fixed (and committed) before it was first run, and not to be
 * changed after seeing its result (issue 14): per domain, a learning run of the base controller at
 * refine@4 (beside random@4, the run's contrast) on the train split of one draw, a library learned from its certified cells with the miner's
 * defaults, then base vs learned at refine@4 on the train and val tasks of a fresh draw no learner saw,
 * at the worker's default 20,000 steps per attempt. The same k and budget make the compute equal.
 */
export const libraryBenchSettings = Object.freeze({
  domains: [1, 2],
  learnSeed: 1001,
  evaluateSeed: 2002,
  count: 200,
  k: 4,
});

const threads = 2;
const levels = ['easy', 'medium', 'hard', 'out-of-reach'];
const points = (value: number | null) => (value === null ? '?' : (100 * value).toFixed(1));

async function oneDomain(domain: number, onProgress: (message: string) => void): Promise<string> {
  const { learnSeed, evaluateSeed, count, k } = libraryBenchSettings;
  const corpus = await openCorpus('sqlite::memory:');
  const started = performance.now();
  try {
    const learnFamily = dslFamily.create({ count, seed: learnSeed, domain }, { threads });
    const base = learnFamily.controller('base');
    const learnTasks = (await learnFamily.environment.tasks('train')) as DslTask[];
    const learnRun = await runBenchmark({
      ...learnFamily,
      corpus,
      tasks: learnTasks,
      // A run needs a primary contrast: random@k beside refine@k, the family's standard pair. The learner reads both arms.
      arms: [
        { id: 'random', ...random(k, { controller: base }) },
        { id: 'base', ...refine(k, { controller: base }) },
      ],
      seed: `bench/library/${domain}/learn`,
      concurrency: 4,
      oracle: false,
      onProgress: ({ cellsDone, cellsTotal }) =>
        onProgress(`domain ${domain}: learning run ${cellsDone}/${cellsTotal}`),
    }).finally(() => learnFamily.close());
    const learned = await learnFromCorpus(corpus, {
      miner: dslMiner,
      controller: base,
      runIds: [learnRun.runId],
      inputs: new Map(learnTasks.map((task) => [task.id, task.input])),
    });
    const learnSolved = learnRun.arms.find((arm) => arm.armId === 'base')?.resolved ?? 0;

    const evaluateFamily = dslFamily.create({ count, seed: evaluateSeed, domain }, { threads });
    const tasks = [
      ...(await evaluateFamily.environment.tasks('train')),
      ...(await evaluateFamily.environment.tasks('val')),
    ] as DslTask[];
    const summary = await runBenchmark({
      ...evaluateFamily,
      corpus,
      tasks,
      arms: [
        { id: 'base', ...refine(k, { controller: base }) },
        { id: 'learned', ...refine(k, { controller: learned.controller }) },
      ],
      primaryContrast: { name: 'library', baseline: 'base', candidate: 'learned' },
      seed: `bench/library/${domain}/evaluate`,
      concurrency: 4,
      oracle: false,
      onProgress: ({ cellsDone, cellsTotal }) => onProgress(`domain ${domain}: evaluation ${cellsDone}/${cellsTotal}`),
    }).finally(() => evaluateFamily.close());
    const cells = await corpus.cells({ runId: summary.runId });
    const level = new Map(tasks.map((task) => [task.id, task.metadata?.difficulty ?? 'unknown']));
    const rate = (armId: string, only?: string) => {
      const judged = cells.filter(
        (c) => c.armId === armId && c.verdict !== null && (only === undefined || level.get(c.taskId) === only),
      );
      if (judged.length === 0) return '—';
      const interval = wilsonInterval(judged.filter((c) => c.verdict?.resolved).length, judged.length);
      return `${(100 * interval.estimate).toFixed(0)}% [${(100 * interval.low).toFixed(0)}–${(100 * interval.high).toFixed(0)}]`;
    };
    const rows = [...levels, 'all'].map((name) => [
      `${name} (${name === 'all' ? tasks.length : tasks.filter((t) => level.get(t.id) === name).length})`,
      rate('base', name === 'all' ? undefined : name),
      rate('learned', name === 'all' ? undefined : name),
    ]);
    const contrast = summary.contrasts.find((c) => c.primary);
    const fragments = (learned.summary as { fragments?: Array<{ program: string; support: number }> }).fragments ?? [];
    const steps = summary.arms
      .map(
        (arm) =>
          `${arm.armId} ${arm.spend.workUnits === null ? '?' : Math.round(arm.spend.workUnits / arm.cells).toLocaleString('en-US')}`,
      )
      .join(', ');
    return [
      `dsl domain ${domain}: learned from ${learnTasks.length} train tasks of seed ${learnSeed} (refine@${k} solved ${learnSolved}; ${learned.source.attempts} certified attempts of ${learned.source.tasks} tasks), evaluated on ${tasks.length} train+val tasks of seed ${evaluateSeed} (${((performance.now() - started) / 1000).toFixed(0)} s):`,
      `library: ${fragments.length} fragments — ${fragments.map((f) => `${f.program} (${f.support} tasks)`).join(', ') || 'none'}`,
      formatTable(['difficulty (tasks)', `base refine@${k}`, `learned refine@${k}`], rows),
      contrast === undefined || contrast.estimate === null
        ? 'learned − base: not estimable'
        : `learned − base: ${points(contrast.estimate)} points, 95% CI [${points(contrast.low)}, ${points(contrast.high)}], p = ${contrast.pValue?.toPrecision(2)}, n = ${contrast.n} tasks (${contrast.test})`,
      `search steps per cell: ${steps}`,
    ].join('\n');
  } finally {
    await corpus.close();
  }
}

/**
 * Does a library learned from one earlier run's certified train cells put more of a domain's fresh tasks
 * within reach at the same step budget? Base vs learned controller, paired by task, per domain.
 */
export async function benchLibrary(onProgress: (message: string) => void): Promise<string> {
  const parts: string[] = [];
  for (const domain of libraryBenchSettings.domains) parts.push(await oneDomain(domain, onProgress));
  return parts.join('\n\n');
}
