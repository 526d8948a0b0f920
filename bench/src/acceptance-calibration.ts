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
/** The child's planted effect in the power table (fixed before it was first run). */
const plantedGain = 0.2;
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

/** Paired pass/fail outcomes (parent arm a, child arm b) of two sim arms on the same tasks, refine@4. */
async function pairedOutcomes(effect: number, onProgress: (message: string) => void) {
  const sim = simFamily.create({ count: tasks, seed, effects: { a: 0, b: effect } });
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
      if (cellsDone % 100 === 0) onProgress(`acceptance: ${cellsDone}/${cellsTotal} sim cells (effect ${effect})`);
    },
  });
  const cells = await corpus.cells({ runId: summary.runId });
  await corpus.close();
  await sim.close();
  // Infra cells are no outcome (docs/design.md rule 4): a task counts only when both arms have a judged cell.
  const outcome = new Map(
    cells
      .filter((cell) => cell.status === 'ok' && cell.verdict !== null)
      .map((cell) => [`${cell.armId}/${cell.taskId}`, cell.verdict?.resolved ? 1 : 0]),
  );
  return taskList.flatMap((task) => {
    const a = outcome.get(`a/${task.id}`);
    const b = outcome.get(`b/${task.id}`);
    return a === undefined || b === undefined ? [] : [[a, b] as const];
  });
}

/** Each rule's acceptance count over seeded minibatches of the pairs, per minibatch size. */
function acceptanceRows(pairs: ReadonlyArray<readonly [number, number]>, label: string): string[][] {
  return minibatchSizes.map((size) => {
    const random = createRng(`bench/acceptance/${seed}/${label}`).fork(`minibatch-${size}`);
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
}

function describePairs(pairs: ReadonlyArray<readonly [number, number]>): string {
  const solved = (side: 0 | 1) => pairs.filter((pair) => pair[side] === 1).length;
  const aOnly = pairs.filter(([a, b]) => a > b).length;
  const bOnly = pairs.filter(([a, b]) => b > a).length;
  return `Outcomes: a solved ${solved(0)}, b solved ${solved(1)}; discordant pairs a-only ${aOnly}, b-only ${bOnly}; ${pairs.length - aOnly - bOnly} ties.`;
}

/**
 * The false-accept rate of each minibatch acceptance rule when there is no true difference, and its
 * power when there is one: two sim arms run refine@4 on the same tasks (independent draws: the cell seed
 * names the arm), arm b with planted effect 0 (no difference) or +0.2 (a real gain), and seeded
 * minibatches of those paired outcomes are handed to `accept` (parent = arm a, child = arm b). Under no
 * difference any acceptance is a false one; under the gain, the share accepted is the rule's power. The
 * intervals are the Monte Carlo error of the draws over these tasks' outcomes, not the tasks' sampling error.
 */
export async function benchAcceptance(onProgress: (message: string) => void): Promise<string> {
  const started = performance.now();
  const none = await pairedOutcomes(0, onProgress);
  const gain = await pairedOutcomes(plantedGain, onProgress);
  const header = ['minibatch', ...rules.map(({ label }) => label)];
  const seconds = (performance.now() - started) / 1000;
  return [
    `Minibatch acceptance on sim (${seconds.toFixed(1)} s): share of ${draws.toLocaleString('en-US')} seeded minibatches accepted.`,
    `Arms a and b, refine@4 on the same ${none.length} sim tasks (seed ${seed}; base rates 0.9 − 0.8 × difficulty, in (0.1, 0.9]); parent = a, child = b.`,
    '',
    'No true difference (both planted effect 0): the false-accept rate.',
    describePairs(none),
    formatTable(header, acceptanceRows(none, 'none')),
    '',
    `A real gain (child planted effect +${plantedGain}): the power.`,
    describePairs(gain),
    formatTable(header, acceptanceRows(gain, 'gain')),
    '',
    `Wilson 95% intervals: Monte Carlo error of the ${draws.toLocaleString('en-US')} draws over these tasks. On 3 tasks the sign test at α = 0.2 accepts only 3 wins and no tie (p = 0.125); strict and margin 0.1 accept any gain of one task.`,
  ].join('\n');
}
