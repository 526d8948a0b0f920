import type { JsonValue } from '@ratchet/corpus';
import { type Controller, type Family, runBenchmark } from '@ratchet/runtime';
import { benjaminiHochberg, bootstrapInterval, type ProportionInterval, wilsonInterval } from '@ratchet/stats';
import { learnFromCorpus } from '../learning/learn-from-corpus';
import { OptimizerError } from '../optimizer-error';
import type { CandidatePlan } from '../search-family';
import type { FlywheelResult } from './flywheel';
import { generationTasks } from './flywheel-generation';
import { FlywheelInterruptedError } from './flywheel-interrupted-error';
import type { FlywheelOptions } from './flywheel-options';
import { type MetaCandidate, metaLearn } from './meta-learner';

export interface AblationOptions extends FlywheelOptions {
  /** The flywheel the grid ablates (its last generation's draw is the grid's). */
  readonly result: FlywheelResult;
  /** Refine off: the same k without continuing or steering, e.g. `(c) => random(4, { controller: c })`. */
  readonly offPlan: CandidatePlan;
  /** Learner settings the meta level draws besides the defaults (default 6). */
  readonly metaCandidates?: number;
  /** The next generation's train tasks the meta level judges on, at most (default 40). */
  readonly metaTasks?: number;
}

export interface AblationFactor {
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
  readonly p: number;
  readonly q: number;
}

export interface AblationResult {
  readonly runId: string;
  readonly arms: ReadonlyArray<{
    readonly id: string;
    readonly hash: string;
    readonly solved: number;
    readonly n: number;
    readonly success: ProportionInterval;
  }>;
  /** Each level's marginal lift, averaged over the other levels, paired by task; BH over the three. */
  readonly factors: {
    readonly refine: AblationFactor;
    readonly learned: AblationFactor;
    readonly meta: AblationFactor;
  };
  readonly meta: { readonly settings: Readonly<Record<string, JsonValue>>; readonly table: readonly MetaCandidate[] };
}

/**
 * The level ablation grid on the flywheel's last generation: within-run refine {on, off} × cross-run
 * learned controller {on, off} × meta (L2) {on, off}. Meta only changes how the controller is learned, so
 * with the learned controller off it is the baseline either way: six distinct arms, one run. Meta picks the
 * miner's settings (`metaLearn`) by learning from generations before G − 1 and judging on generation
 * G − 1's train tasks, then learns from every generation before G with them. Each level's marginal lift
 * on the judge is the per-task mean of its on − off differences across the other levels, with a bootstrap
 * interval over tasks, and the three are BH-corrected as one family.
 *
 * @throws {OptimizerError} with fewer than 2 generations (meta needs one to learn from and one to judge on).
 */
export async function ablationGrid(options: AblationOptions): Promise<AblationResult> {
  const { result, family } = options;
  const last = options.generations;
  if (last < 2)
    throw new OptimizerError(
      `ablationGrid: needs generations ≥ 2 (meta learns from 0..G−2 and judges on G−1), received ${last}`,
    );
  // The frozen arm's controller, exactly as the flywheel ran it.
  const probe = family.create({ ...options.options, seed: `${options.seed}-g0`, count: 5 });
  const frozen = options.baseline ?? probe.controller('baseline');
  await probe.close();
  if (frozen.hash !== result.baseline) {
    throw new OptimizerError(
      `ablationGrid: the baseline ${frozen.hash} is not the flywheel's ${result.baseline}; pass the flywheel's options`,
    );
  }
  const runs = result.generations.map((g) => g.runId);
  const inputs = new Map<string, JsonValue>();
  for (let g = 0; g <= last; g++) {
    const { train, evaluation } = await generationTasks(options, g);
    for (const task of [...train, ...evaluation]) inputs.set(task.id, task.input as JsonValue);
  }
  const miner = family.miner as NonNullable<Family['miner']>;
  const learn = async (settings: unknown, from: readonly string[]): Promise<Controller> =>
    (
      await learnFromCorpus(options.corpus, {
        miner,
        controller: frozen,
        runIds: from,
        inputs,
        ...(settings === undefined ? {} : { settings }),
        record: false,
      })
    ).controller;

  const judge = await generationTasks(options, last - 1);
  const meta = await metaLearn({
    corpus: options.corpus,
    family,
    familyOptions: judge.familyOptions,
    baseline: frozen,
    plan: options.plan,
    learnFrom: runs.slice(0, last - 1),
    inputs,
    judgeOn: judge.train.slice(0, options.metaTasks ?? 40),
    candidates: options.metaCandidates ?? 6,
    baseSettings: (options.learnerSettings ?? {}) as Record<string, JsonValue>,
    seed: `${options.seed}/meta`,
    runId: `${result.flywheelId}-meta`,
    generation: last - 1,
    ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
    ...(options.threads === undefined ? {} : { threads: options.threads }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  const learned = await learn(options.learnerSettings, runs.slice(0, last));
  const metaLearned = await learn(
    { ...((options.learnerSettings as object) ?? {}), ...meta.best.settings },
    runs.slice(0, last),
  );

  const draw = await generationTasks(options, last);
  const controllers = { baseline: frozen, learned, meta: metaLearned };
  const arms = (['refine', 'off'] as const).flatMap((topology) =>
    (['baseline', 'learned', 'meta'] as const).map((level) => ({
      id: `${topology}/${level}`,
      ...(topology === 'refine' ? options.plan : options.offPlan)(controllers[level]),
    })),
  );
  const runId = `${result.flywheelId}-ablation`;
  const instance = family.create(draw.familyOptions, { threads: options.threads ?? 0 });
  try {
    const summary = await runBenchmark({
      ...instance,
      corpus: options.corpus,
      tasks: draw.evaluation,
      arms,
      primaryContrast: { name: 'learned', baseline: 'refine/baseline', candidate: 'refine/learned' },
      runId,
      seed: `${options.seed}/ablation`,
      concurrency: options.concurrency ?? 4,
      oracle: false,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    if (summary.status !== 'completed')
      throw new FlywheelInterruptedError(last, runId, summary.status, summary.stopDetail);
  } finally {
    await instance.close();
  }
  const cells = await options.corpus.cells({ runId });
  const outcome = (arm: string, taskId: string) =>
    cells.find((c) => c.armId === arm && c.taskId === taskId && c.status === 'ok')?.verdict?.resolved ? 1 : 0;
  const tasks = draw.evaluation.map((task) => task.id);
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const per = {
    refine: tasks.map((t) =>
      mean(['baseline', 'learned', 'meta'].map((l) => outcome(`refine/${l}`, t) - outcome(`off/${l}`, t))),
    ),
    learned: tasks.map((t) =>
      mean(['refine', 'off'].map((o) => outcome(`${o}/learned`, t) - outcome(`${o}/baseline`, t))),
    ),
    meta: tasks.map((t) => mean(['refine', 'off'].map((o) => outcome(`${o}/meta`, t) - outcome(`${o}/learned`, t)))),
  };
  const raw = Object.fromEntries(
    Object.entries(per).map(([name, values]) => [
      name,
      bootstrapInterval(values, { seed: `${options.seed}/ablation/${name}`, resamples: options.resamples ?? 10_000 }),
    ]),
  ) as Record<keyof typeof per, ReturnType<typeof bootstrapInterval>>;
  const q = benjaminiHochberg([raw.refine.pValue, raw.learned.pValue, raw.meta.pValue]);
  const factor = (name: keyof typeof per, i: number): AblationFactor => ({
    estimate: raw[name].estimate,
    low: raw[name].low,
    high: raw[name].high,
    p: raw[name].pValue,
    q: q[i] as number,
  });
  return {
    runId,
    arms: arms.map((arm) => {
      const judged = cells.filter((c) => c.armId === arm.id && c.status === 'ok' && c.verdict !== null);
      const solved = judged.filter((c) => c.verdict?.resolved).length;
      return {
        id: arm.id,
        hash: arm.controller.hash,
        solved,
        n: judged.length,
        success: wilsonInterval(solved, Math.max(1, judged.length)),
      };
    }),
    factors: { refine: factor('refine', 0), learned: factor('learned', 1), meta: factor('meta', 2) },
    meta: { settings: meta.best.settings, table: meta.table },
  };
}
