import { availableParallelism } from 'node:os';
import { openCorpus } from '@ratchet/corpus';
import { dslFamily, satFamily } from '@ratchet/environments';
import { type LearnedStopResult, learnStopPolicy, stopFeatureNames } from '@ratchet/optimizer';
import type { FamilyInstance, Task } from '@ratchet/runtime';
import { pairedBootstrap } from '@ratchet/stats';
import { formatPoints, formatRate } from './format-interval';
import { formatTable } from './format-table';
import { type LiveArm, runLive } from './learned-stop-live';
import { buildTrainingCorpus, stopK, trainingFamilies } from './learned-stop-training';
import { matchedControl } from './matched-control';

/** λ of the learner's objective (success − λ × spend in attempt-equivalents), fixed before measuring. */
export const stopCost = 0.05;
const resamples = 10_000;

/** The evaluation families: fresh tasks (seed 1, never in the training corpus), 100 each. */
const evaluation: ReadonlyArray<{
  readonly name: 'dsl' | 'sat';
  readonly unit: string;
  readonly options: string;
  create(threads: number): FamilyInstance;
  tasks(): Promise<Task[]>;
}> = [
  {
    name: 'dsl',
    unit: 'search steps',
    options: '{ count: 170, seed: 1 }, first 100 train tasks',
    create: (threads) => dslFamily.create({ count: 170, seed: 1 }, { threads }),
    tasks: async () => (await dslFamily.draw({ count: 170, seed: 1 }, 'train')).slice(0, 100),
  },
  {
    name: 'sat',
    unit: 'flips',
    options: '{ count: 100, seed: 1 }, the 100 train tasks',
    create: (threads) => satFamily.create({ count: 100, seed: 1 }, { threads }),
    tasks: () => satFamily.draw({ count: 100, seed: 1 }, 'train'),
  },
];

const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const column = (arm: LiveArm, pick: (cell: { solved: number; attempts: number; workUnits: number }) => number) =>
  [...arm.values()].map(pick);

function describeModel(label: string, learned: LearnedStopResult): string {
  const { model } = learned;
  const weights = stopFeatureNames
    .filter((name) => Math.abs(model.weights[name]) >= 0.005)
    .map((name) => `${name} ${model.weights[name].toFixed(2)}`)
    .join(', ');
  const data = model.provenance.benchmarks
    .map((one) => `${one.benchmark} ${one.cells} cells, ${one.decisionPoints} decision points, ${one.positives} gains`)
    .join('; ');
  return [
    `  ${label}: learned on ${data}.`,
    `    p(going on pays) = σ(${model.intercept.toFixed(2)} + ${weights || 'no weight ≥ 0.005'}); stop when checks pass or p < ${model.threshold.toFixed(3)}.`,
    `    Training replay at that threshold: success ${(100 * model.training.success).toFixed(1)}% at ${model.training.spend.toFixed(2)} attempt-equivalents (objective ${model.training.objective.toFixed(3)}; at threshold 0 it was ${learned.curve[0]?.objective.toFixed(3)}).`,
  ].join('\n');
}

function rateOf(arm: LiveArm): string {
  const solved = column(arm, (cell) => cell.solved);
  return formatRate(
    solved.reduce((a, b) => a + b, 0),
    solved.length,
  );
}

/**
 * The cross-family stop policy (issue 14), measured live at matched compute. Fixed before measuring:
 * the training corpus (`trainingFamilies`), λ = 0.05, ridge 1, k = 4, the evaluation tasks, the
 * leave-one-family-out split (learn on sim + sat for dsl, sim + dsl for sat), matching compute on mean
 * work units, and 10,000 seeded paired-bootstrap resamples. The policy learned on all three families
 * (the target's own earlier train/val cells in the corpus) is a secondary row.
 */
export async function benchLearnedStop(onProgress: (message: string) => void): Promise<string> {
  const threads = availableParallelism();
  const training = await openCorpus('sqlite::memory:');
  const lines: string[] = [];
  try {
    const made = await buildTrainingCorpus(training, threads, onProgress);
    lines.push(
      `Training corpus (train + val cells, refine@${stopK}, family default controller, every attempt judged): ${made
        .map(
          (one) =>
            `${one.family} ${trainingFamilies.find((f) => f.name === one.family)?.options} ${one.cells} cells / ${one.attempts} attempts (${one.seconds.toFixed(0)} s)`,
        )
        .join('; ')}.`,
      `λ = ${stopCost} per attempt-equivalent (one attempt's median work in its family); ridge 1.`,
      '',
    );
    const everywhere = await learnStopPolicy(training, { cost: stopCost });
    for (const target of evaluation) {
      const sources = trainingFamilies.map((f) => f.name).filter((name) => name !== target.name);
      const cross = await learnStopPolicy(training, { cost: stopCost, benchmarks: sources });
      const crossLabel = `learned on ${sources.join('+')}`;
      const allLabel = 'learned on sim+dsl+sat';
      const instance = target.create(threads);
      const started = performance.now();
      const evalCorpus = await openCorpus('sqlite::memory:');
      try {
        const tasks = await target.tasks();
        const live = await runLive({
          corpus: evalCorpus,
          family: target.name,
          instance,
          tasks,
          policies: new Map([
            [crossLabel, cross.policy],
            [allLabel, everywhere.policy],
          ]),
          onProgress,
        });
        lines.push(
          `${target.name} (${target.options}; ${live.base.size} tasks, ${live.excluded} excluded; ${((performance.now() - started) / 1000).toFixed(0)} s), every arm refine@${stopK} of the family's default controller:`,
          describeModel(`cross-family policy (${crossLabel})`, cross),
          describeModel(`secondary (${allLabel})`, everywhere),
          formatFamily(target.name, target.unit, live, crossLabel, allLabel),
          '',
        );
      } finally {
        await evalCorpus.close();
        await instance.close();
      }
    }
  } finally {
    await training.close();
  }
  return lines.join('\n');
}

function formatFamily(
  name: string,
  unit: string,
  live: Awaited<ReturnType<typeof runLive>>,
  ...labels: string[]
): string {
  const work = (arm: LiveArm) => mean(column(arm, (cell) => cell.workUnits));
  const attempts = (arm: LiveArm) => mean(column(arm, (cell) => cell.attempts));
  const row = (label: string, arm: LiveArm) => [
    label,
    rateOf(arm),
    attempts(arm).toFixed(2),
    Math.round(work(arm)).toLocaleString('en-US'),
  ];
  const rows = [
    row(`refine@${stopK}, own stop (checks pass)`, live.base),
    ...labels.map((label) => row(`+ stop ${label}`, live.learned.get(label) as LiveArm)),
    ...live.shorter.map((arm, i) => row(`refine@${i + 1}, own stop`, arm)),
  ];
  const contrasts: string[] = [];
  const baseSolved = column(live.base, (cell) => cell.solved);
  const baseWork = column(live.base, (cell) => cell.workUnits);
  for (const [i, label] of labels.entries()) {
    const arm = live.learned.get(label) as LiveArm;
    const solved = column(arm, (cell) => cell.solved);
    const control = matchedControl([...live.shorter, live.base], work(arm));
    rows.push([
      `matched control for "${label}": refine@${control.kLow}/@${control.kHigh} mix, ${(100 * control.weight).toFixed(0)}% @${control.kHigh}`,
      `${(100 * mean(control.solved)).toFixed(0)}% (expected)`,
      control.attempts.toFixed(2),
      Math.round(control.workUnits).toLocaleString('en-US'),
    ]);
    const seed = `bench/learned-stop/${name}/${i}`;
    const vsBase = pairedBootstrap(baseSolved, solved, { seed: `${seed}/base`, resamples });
    const workDiff = pairedBootstrap(
      baseWork,
      column(arm, (cell) => cell.workUnits),
      { seed: `${seed}/work`, resamples },
    );
    const vsControl = pairedBootstrap(control.solved, solved, { seed: `${seed}/control`, resamples });
    const relative = (value: number) =>
      `${value >= 0 ? '+' : '−'}${Math.abs((100 * value) / mean(baseWork)).toFixed(1)}%`;
    const agreement = live.replayAgrees.get(label);
    contrasts.push(
      `  ${label}${i === 0 ? ' (primary)' : ''}:`,
      `    success vs refine@${stopK} own stop: ${formatPoints(vsBase.estimate, vsBase.low, vsBase.high)} points; ${unit} per cell ${relative(workDiff.estimate)} [${relative(workDiff.low)}, ${relative(workDiff.high)}]`,
      `    success vs the matched-compute control (same mean ${unit}): ${formatPoints(vsControl.estimate, vsControl.low, vsControl.high)} points`,
      `    replay of the policy on the refine@${stopK} run gives its live cells on ${agreement?.agree}/${agreement?.of} tasks`,
    );
  }
  return [
    formatTable(['arm', 'success [Wilson 95%]', 'attempts/cell', `${unit}/cell`], rows),
    `Paired by task (n = ${live.base.size}), paired bootstrap 95% CI, ${resamples.toLocaleString('en-US')} resamples; every arm shares attempt seeds, so a policy's cell is a prefix of the refine@${stopK} cell:`,
    ...contrasts,
  ].join('\n');
}
