import { openCorpus } from '@ratchet/corpus';
import { simFamily } from '@ratchet/environments';
import { type AcceptanceRuleInput, accept } from '@ratchet/optimizer';
import { refine, runBenchmark } from '@ratchet/runtime';
import { createRng } from '@ratchet/stats';
import { formatRate } from './format-interval';
import { formatTable } from './format-table';

const tasks = 600;
const seed = 7;
const draws = 10_000;
const minibatchSizes = [3, 6];
const rules: ReadonlyArray<{ label: string; rule: AcceptanceRuleInput }> = [
  { label: 'strict', rule: { rule: 'strict' } },
  { label: 'margin 0.1', rule: { rule: 'margin', margin: 0.1 } },
  { label: 'sign α = 0.2 (default)', rule: { rule: 'sign', alpha: 0.2 } },
];

/** `count` distinct indices below `n`, by a partial Fisher–Yates shuffle. */
function sample(n: number, count: number, random: ReturnType<typeof createRng>): number[] {
  const indices = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = i + random.int(n - i);
    [indices[i], indices[j]] = [indices[j] as number, indices[i] as number];
  }
  return indices.slice(0, count);
}

/**
 * The false-accept rate of each minibatch acceptance rule when there is no true difference: two sim
 * arms with planted effect 0 run refine@4 on the same tasks (independent draws: the cell seed names the
 * arm), and seeded minibatches of those paired outcomes are handed to `accept` (parent = arm a, child =
 * arm b). Any acceptance is a false one. The interval is the Monte Carlo error of the draws over these
 * tasks' outcomes, not the sampling error of the tasks.
 */
export async function benchAcceptance(onProgress: (message: string) => void): Promise<string> {
  const started = performance.now();
  const sim = simFamily.create({ count: tasks, seed, effects: { a: 0, b: 0 } });
  const corpus = await openCorpus('sqlite::memory:');
  const taskList = await sim.environment.tasks('train');
  const summary = await runBenchmark({
    ...sim,
    corpus,
    tasks: taskList,
    arms: ['a', 'b'].map((arm) => ({ id: arm, ...refine(4, { controller: sim.controller(arm) }) })),
    primaryContrast: { name: 'null', baseline: 'a', candidate: 'b' },
    seed,
    concurrency: 8,
    oracle: false,
    onProgress: ({ cellsDone, cellsTotal }) => {
      if (cellsDone % 100 === 0) onProgress(`acceptance: ${cellsDone}/${cellsTotal} sim cells`);
    },
  });
  const cells = await corpus.cells({ runId: summary.runId });
  await corpus.close();
  await sim.close();
  // Infra cells are no outcome (DESIGN rule 4): a task counts only when both arms have a judged cell.
  const outcome = new Map(
    cells
      .filter((cell) => cell.status === 'ok' && cell.verdict !== null)
      .map((cell) => [`${cell.armId}/${cell.taskId}`, cell.verdict?.resolved ? 1 : 0]),
  );
  const pairs = taskList.flatMap((task) => {
    const a = outcome.get(`a/${task.id}`);
    const b = outcome.get(`b/${task.id}`);
    return a === undefined || b === undefined ? [] : [[a, b] as const];
  });
  const solved = (side: 0 | 1) => pairs.filter((pair) => pair[side] === 1).length;
  const aOnly = pairs.filter(([a, b]) => a > b).length;
  const bOnly = pairs.filter(([a, b]) => b > a).length;

  const rows = minibatchSizes.map((size) => {
    const random = createRng(`bench/acceptance/${seed}`).fork(`minibatch-${size}`);
    const accepted = rules.map(() => 0);
    for (let draw = 0; draw < draws; draw++) {
      const chosen = sample(pairs.length, size, random).map((index) => pairs[index] as readonly [number, number]);
      const parent = chosen.map(([a]) => a);
      const child = chosen.map(([, b]) => b);
      rules.forEach(({ rule }, i) => {
        if (accept(rule, parent, child).accepted) accepted[i] = (accepted[i] ?? 0) + 1;
      });
    }
    return [String(size), ...accepted.map((count) => formatRate(count, draws, 1))];
  });
  const seconds = (performance.now() - started) / 1000;
  return [
    `Minibatch acceptance on sim with no true difference (${seconds.toFixed(1)} s): share of ${draws.toLocaleString('en-US')} seeded minibatches accepted = the false-accept rate.`,
    `Arms a and b, both planted effect 0, refine@4 on the same ${pairs.length} sim tasks (seed ${seed}; base rates 0.9 − 0.8 × difficulty, in (0.1, 0.9]); parent = a, child = b.`,
    `Outcomes: a solved ${solved(0)}, b solved ${solved(1)}; discordant pairs a-only ${aOnly}, b-only ${bOnly}; ${pairs.length - aOnly - bOnly} ties.`,
    formatTable(['minibatch', ...rules.map(({ label }) => label)], rows),
    `Wilson 95% intervals: Monte Carlo error of the ${draws.toLocaleString('en-US')} draws over these ${pairs.length} tasks. On 3 tasks the sign test at α = 0.2 accepts only 3 wins and no tie (p = 0.125); strict and margin 0.1 accept any gain of one task.`,
  ].join('\n');
}
