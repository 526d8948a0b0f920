import { availableParallelism } from 'node:os';
import { type Corpus, openCorpus } from '@ratchet/corpus';
import { dslFamily, simFamily, simTopologySuccessRate } from '@ratchet/environments';
import {
  alwaysFanout,
  alwaysRefine,
  fanoutWith,
  type OffPolicyEstimate,
  offPolicyValue,
  restartAfter,
  type TopologyPolicy,
  withTopologyPolicy,
} from '@ratchet/optimizer';
import { type Controller, type FamilyInstance, refine, runBenchmark, type Task } from '@ratchet/runtime';
import { wilsonInterval } from '@ratchet/stats';
import { collectGarbage } from './collect-garbage';
import { formatTable } from './format-table';

// Fixed before the first run. Logged at P(fanout) = 0.5 with refine@3 (two topology decisions per cell,
// so a deterministic target matches a cell's logged actions with probability 1/4 at most). Each target
// then runs live on the same tasks with another run seed, so live and logged draws are independent.
const k = 3;
const logging = fanoutWith(0.5);
const targets: ReadonlyArray<{ policy: TopologyPolicy; actions: Array<'refine' | 'fanout'> }> = [
  { policy: alwaysRefine, actions: ['refine', 'refine'] },
  { policy: alwaysFanout, actions: ['fanout', 'fanout'] },
  { policy: restartAfter(1), actions: ['refine', 'fanout'] },
];
const loggingSeed = 1;
const liveSeed = 2;
const bootstrapSeed = 'bench/replay-vs-live';
/** sim: 1000 train tasks, continuation 0.2 (a continued attempt gains 0.2 per step of depth). */
const simOptions = { count: 1000, seed: 21, continuation: 0.2 };
/** dsl: 400 train and val tasks (count 500, split 3:1:1), 2,000 search steps per attempt. */
const dslOptions = { count: 500, seed: 5, budget: 2000 };

interface FamilySetup {
  readonly name: string;
  readonly instance: FamilyInstance;
  readonly tasks: readonly Task[];
  readonly base: Controller;
  /** The analytic value of a fixed action sequence, where the family knows it. */
  readonly truth?: (actions: Array<'refine' | 'fanout'>) => number;
}

interface TargetRow {
  readonly target: string;
  readonly live: OffPolicyEstimate;
  readonly truth: number | null;
  readonly estimates: Record<'IPS' | 'SNIPS' | 'DR', OffPolicyEstimate>;
  readonly ess: number;
  readonly zeroSupport: number;
  readonly cells: number;
}

async function runArm(corpus: Corpus, setup: FamilySetup, runId: string, controller: Controller, seed: number) {
  return runBenchmark({
    ...setup.instance,
    corpus,
    tasks: setup.tasks,
    runId,
    seed,
    concurrency: 4,
    oracle: false,
    arms: [{ id: 'arm', ...refine(k, { controller }) }],
    primaryContrast: { name: 'none', baseline: 'arm', candidate: 'arm' },
  });
}

/** The success rate of a live run's one arm, with its Wilson 95% interval (one cell per task). */
async function liveRate(corpus: Corpus, runId: string): Promise<OffPolicyEstimate> {
  const cells = (await corpus.cells({ runId })).filter((cell) => cell.status === 'ok' && cell.verdict !== null);
  const resolved = cells.filter((cell) => cell.verdict?.resolved).length;
  const interval = wilsonInterval(resolved, cells.length);
  return { estimate: interval.estimate, low: interval.low, high: interval.high };
}

async function benchFamily(setup: FamilySetup, onProgress: (message: string) => void) {
  const corpus = await openCorpus('sqlite::memory:');
  onProgress(`replay-vs-live: ${setup.name}: logging run`);
  await runArm(corpus, setup, 'logged', withTopologyPolicy(setup.base, logging), loggingSeed);
  const rows: TargetRow[] = [];
  let logged: OffPolicyEstimate | null = null;
  for (const { policy, actions } of targets) {
    onProgress(`replay-vs-live: ${setup.name}: ${policy.id} off-policy and live`);
    const value = await offPolicyValue(corpus, {
      runId: 'logged',
      armId: 'arm',
      logging,
      target: policy,
      seed: bootstrapSeed,
    });
    logged = value.logged;
    await runArm(corpus, setup, `live-${policy.id}`, withTopologyPolicy(setup.base, policy), liveSeed);
    rows.push({
      target: policy.id,
      live: await liveRate(corpus, `live-${policy.id}`),
      truth: setup.truth ? setup.truth(actions) : null,
      estimates: { IPS: value.ips, SNIPS: value.snips, DR: value.dr },
      ess: value.effectiveSampleSize,
      zeroSupport: value.zeroSupport,
      cells: value.cells,
    });
    // Each target's bootstraps (four estimators × 10,000 resamples) and live run are garbage now.
    collectGarbage(true);
  }
  await corpus.close();
  return { rows, logged };
}

const pct = (value: number) => (100 * value).toFixed(1);
const formatEstimate = (value: OffPolicyEstimate) => `${pct(value.estimate)} [${pct(value.low)}, ${pct(value.high)}]`;
const inside = (value: number, interval: OffPolicyEstimate) => value >= interval.low && value <= interval.high;

/**
 * estimate − live with an approximate 95% interval: each side's standard error read from its own
 * interval's width (width / 3.92), the two runs independent. A normal approximation, for reading a miss.
 */
function difference(estimate: OffPolicyEstimate, live: OffPolicyEstimate): string {
  const se = (interval: OffPolicyEstimate) => (interval.high - interval.low) / 3.92;
  const delta = estimate.estimate - live.estimate;
  const half = 1.96 * Math.hypot(se(estimate), se(live));
  const signed = (value: number) => `${value >= 0 ? '+' : '−'}${Math.abs(100 * value).toFixed(1)}`;
  return `${signed(delta)} [${signed(delta - half)}, ${signed(delta + half)}]`;
}

interface Misses {
  /** The criterion: the live rate outside the estimator's interval. */
  readonly live: string[];
  /** The stricter reading: the estimate outside the live interval (ignores the estimator's own error). */
  readonly estimate: string[];
}

function familyTable(name: string, result: Awaited<ReturnType<typeof benchFamily>>): { table: string; misses: Misses } {
  const misses: Misses = { live: [], estimate: [] };
  const hasTruth = result.rows.some((row) => row.truth !== null);
  const header = [
    'target',
    'live [95% CI]',
    ...(hasTruth ? ['truth'] : []),
    'IPS [95% CI]',
    'SNIPS [95% CI]',
    'DR [95% CI]',
    'ESS',
    'zero-weight cells',
  ];
  const body = result.rows.map((row) => {
    const estimators = (['IPS', 'SNIPS', 'DR'] as const).map((estimator) => {
      const estimate = row.estimates[estimator];
      const liveIn = inside(row.live.estimate, estimate);
      const estimateIn = inside(estimate.estimate, row.live);
      const what = `${name.split(' ')[0]} ${row.target} ${estimator}: estimate − live = ${difference(estimate, row.live)}`;
      if (!liveIn) misses.live.push(what);
      if (!estimateIn) misses.estimate.push(what);
      return `${formatEstimate(estimate)} ${liveIn ? '✓' : '✗'}${estimateIn ? '✓' : '✗'}`;
    });
    return [
      row.target,
      formatEstimate(row.live),
      ...(hasTruth ? [row.truth === null ? '—' : pct(row.truth)] : []),
      ...estimators,
      row.ess.toFixed(0),
      `${row.zeroSupport}/${row.cells}`,
    ];
  });
  const logged = result.logged ? `logged policy (${logging.id}) on-policy: ${formatEstimate(result.logged)}` : '';
  return { table: [`${name} — ${logged}`, formatTable(header, body)].join('\n'), misses };
}

function listMisses(title: string, misses: readonly string[]): string {
  return misses.length === 0
    ? `${title}: none.`
    : [`${title}: ${misses.length}.`, ...misses.map((m) => `- ${m}`)].join('\n');
}

/**
 * Off-policy estimates of topology policies against live runs of them. Per family: one run logged with
 * a randomized policy (P(fanout) = 0.5, refine@3), IPS, SNIPS and DR estimates of three deterministic
 * targets from it (task-clustered percentile bootstrap, 10,000 resamples), then each target run live on
 * the same tasks (Wilson 95%). On sim the analytic truth is printed too. Misses are listed, not hidden.
 */
export async function benchReplayVsLive(onProgress: (message: string) => void): Promise<string> {
  const started = performance.now();
  const sim = simFamily.create(simOptions);
  const simTasks = await sim.environment.tasks('train');
  const simResult = await benchFamily(
    {
      name: 'sim',
      instance: sim,
      tasks: simTasks,
      base: sim.controller('arm'),
      truth: (actions) => simTopologySuccessRate(simTasks, { continuation: simOptions.continuation, actions }),
    },
    onProgress,
  );
  const dsl = dslFamily.create(dslOptions, { threads: availableParallelism() });
  const dslTasks = [...(await dslFamily.draw(dslOptions, 'train')), ...(await dslFamily.draw(dslOptions, 'val'))];
  let dslResult: Awaited<ReturnType<typeof benchFamily>>;
  try {
    dslResult = await benchFamily(
      { name: 'dsl', instance: dsl, tasks: dslTasks, base: dsl.controller('arm') },
      onProgress,
    );
  } finally {
    await dsl.close();
  }
  const simTable = familyTable(
    `sim (count ${simOptions.count}, seed ${simOptions.seed}, continuation ${simOptions.continuation})`,
    simResult,
  );
  const dslTable = familyTable(
    `dsl (${dslTasks.length} train+val tasks, seed ${dslOptions.seed}, budget ${dslOptions.budget})`,
    dslResult,
  );
  const seconds = (performance.now() - started) / 1000;
  return [
    `Off-policy estimates vs live runs (${seconds.toFixed(0)} s). Logged: refine@${k}, ${logging.id}, run seed ${loggingSeed}; live: each target, run seed ${liveSeed}. Success rates in %.`,
    'Marks after each interval: first, the live rate is inside the estimator interval; second, the estimate is inside the live interval.',
    '',
    simTable.table,
    '',
    dslTable.table,
    '',
    listMisses('Misses — the live rate outside the estimator interval', [
      ...simTable.misses.live,
      ...dslTable.misses.live,
    ]),
    listMisses(
      "Stricter reading — the estimate outside the live interval (which ignores the estimator's own error); estimate − live with an approximate 95% interval from both widths",
      [...simTable.misses.estimate, ...dslTable.misses.estimate],
    ),
  ].join('\n');
}
