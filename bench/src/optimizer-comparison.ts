import { availableParallelism } from 'node:os';
import { dslFamily, satFamily } from '@ratchet/environments';
import { pairedBootstrap } from '@ratchet/stats';
import { cellBudget, compareOnSeed, type OptimizerFamily, type SeedComparison } from './compare-on-seed';
import { formatPoints, formatRate } from './format-interval';
import { formatTable } from './format-table';

/**
 * Seeds run by default: the protocol's 5. They took 13 minutes on a 2-core machine shared with other
 * work (up to twice that when it is busier); `RATCHET_BENCH_SEEDS=3` gives a quicker look.
 */
export const defaultSeeds = 5;

/** The fixed settings: dsl 100 tasks (60/20/20), sat 20 per split; default worker budgets. */
export const optimizerFamilies: readonly OptimizerFamily[] = [
  {
    name: 'dsl',
    options: (seed) => ({ count: 100, seed }),
    create: (seed, threads) => dslFamily.create({ count: 100, seed }, { threads }),
  },
  {
    name: 'sat',
    options: (seed) => ({ count: 20, seed }),
    create: (seed, threads) => satFamily.create({ count: 20, seed }, { threads }),
  },
];

const methods = ['default', 'random', 'gepa'] as const;
type Method = (typeof methods)[number];
const methodLabel: Record<Method, string> = { default: 'default', random: 'random search', gepa: 'GEPA (parametric)' };

/** Holdout outcomes of one method pooled over the seeds, keyed `seed/task`. */
function pooled(results: readonly SeedComparison[], method: Method): Map<string, 0 | 1 | null> {
  const outcomes = new Map<string, 0 | 1 | null>();
  for (const result of results) {
    for (const [taskId, solved] of result[method].holdout) outcomes.set(`${result.seed}/${taskId}`, solved);
  }
  return outcomes;
}

/** GEPA − `method` on the pooled holdout, paired by task; tasks where either side is no outcome are left out. */
function gepaMinus(name: string, results: readonly SeedComparison[], method: Method): string {
  const gepa = pooled(results, 'gepa');
  const other = pooled(results, method);
  const a: number[] = [];
  const b: number[] = [];
  for (const [key, solved] of gepa) {
    const base = other.get(key);
    if (solved === null || base === null || base === undefined) continue;
    a.push(base);
    b.push(solved);
  }
  if (a.length < 2) return 'not estimable';
  const result = pairedBootstrap(a, b, { seed: `bench/optimizer/${name}/gepa-${method}`, resamples: 10_000 });
  const excluded = gepa.size - a.length;
  return `${formatPoints(result.estimate, result.low, result.high)}${excluded > 0 ? ` (${excluded} excluded)` : ''}`;
}

const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

function familyTable(name: string, results: readonly SeedComparison[], seconds: number): string {
  const rows = methods.map((method) => {
    const outcomes = [...pooled(results, method).values()].filter((solved) => solved !== null);
    const solved = outcomes.filter((value) => value === 1).length;
    return [
      methodLabel[method],
      mean(results.map((result) => result[method].bestVal)).toFixed(3),
      method === 'default' ? '—' : mean(results.map((result) => result[method].cells)).toFixed(0),
      formatRate(solved, outcomes.length),
      method === 'gepa' ? '—' : gepaMinus(name, results, method),
    ];
  });
  const perSeed = results.map((result) => {
    const { children } = result.gepa;
    const stop = result.gepa.stop === 'budget-cells' ? '' : `, stopped: ${result.gepa.stop}`;
    return [
      String(result.seed),
      methods.map((method) => result[method].bestVal.toFixed(2)).join(' / '),
      methods.map((method) => [...result[method].holdout.values()].filter((value) => value === 1).length).join(' / '),
      String(result.random.samples),
      `${result.gepa.iterations}: ${children.run} run, ${children.ahead} ahead, ${children.parentSolvedNone} vs 0-solved parent, ${children.accepted} accepted${stop}`,
      result.cellsToReach === null ? 'not reached' : String(result.cellsToReach),
      `${(result.seconds.random + result.seconds.gepa + result.seconds.holdout).toFixed(0)}`,
    ];
  });
  const holdoutTasks = results[0]?.default.holdout.size ?? 0;
  return [
    `${name}: ${results.length} seeds (${results.map((result) => result.seed).join(', ')}), ${holdoutTasks} holdout tasks each, pooled (${seconds.toFixed(0)} s):`,
    formatTable(
      ['method', 'mean best val', 'cells used', 'holdout success [Wilson 95%]', 'GEPA − this, holdout points [95% CI]'],
      rows,
    ),
    'Per seed (d = default, r = random search, G = GEPA):',
    formatTable(
      [
        'seed',
        'best val d / r / G',
        'holdout solved d / r / G',
        'random: controllers',
        'GEPA: iterations, children',
        'GEPA cells to reach r best',
        's',
      ],
      perSeed,
    ),
    'Children "ahead" beat their parent\'s minibatch sum (what the reference\'s strict rule accepts); a 3-task sign test at α = 0.2 accepts only 3 wins and no tie, so only a child whose parent solved none of the 3.',
  ].join('\n');
}

/**
 * GEPA (parametric proposer) against random search and the family's default controller at equal cells
 * on dsl and sat: per family, the mean best val score of each method's pick, its holdout success pooled
 * over the seeds with a Wilson 95% interval, GEPA's paired holdout difference from each other method
 * (paired bootstrap, 10,000 seeded resamples), and per seed the cells at which GEPA's best val first
 * reached random search's final best.
 */
export async function benchOptimizer(seedCount: number, onProgress: (message: string) => void): Promise<string> {
  const started = performance.now();
  const threads = availableParallelism();
  const seeds = Array.from({ length: seedCount }, (_, i) => i + 1);
  const sections: string[] = [
    `Optimizer comparison at equal cells: refine@4 with the family's controller; each search may run ${cellBudget} new cells on its seed (one cell = one controller on one task), the baseline's val scores included; random search scores whole controllers on val, GEPA spends the same cells on 3-task train minibatches and the val scores of accepted children. Holdout runs are measurement, outside the budget.`,
    `GEPA: parametric proposer (defaults), minibatch 3, replicates 1, sign test at α = 0.2, no merge. Seeds: family seed = search seed = s, s = ${seeds.join(', ')}${seedCount === defaultSeeds ? '' : ` (the protocol runs ${defaultSeeds}; RATCHET_BENCH_SEEDS=${seedCount} was set)`}. Solver threads: ${threads}.`,
  ];
  for (const family of optimizerFamilies) {
    const familyStarted = performance.now();
    const results: SeedComparison[] = [];
    for (const seed of seeds) results.push(await compareOnSeed(family, seed, threads, onProgress));
    sections.push(familyTable(family.name, results, (performance.now() - familyStarted) / 1000));
  }
  sections.push(`Optimizer comparison wall time: ${((performance.now() - started) / 1000).toFixed(0)} s.`);
  return sections.join('\n\n');
}
