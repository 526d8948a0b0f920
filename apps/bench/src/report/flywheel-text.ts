import type { AblationResult, FlywheelResult } from '@ratchet/optimizer';

const percent = (value: number) => `${(100 * value).toFixed(0)}%`;
/** Signed points with one decimal; a value that rounds to zero is +0.0, never -0.0. */
const points = (value: number) => {
  const text = (100 * value).toFixed(1);
  return text === '-0.0' || text === '0.0' ? '+0.0' : `${value > 0 ? '+' : ''}${text}`;
};
const bars = '▁▂▃▄▅▆▇█';

/** A one-line sparkline of success rates in [0, 1]. */
export function sparkline(values: readonly number[]): string {
  return values.map((v) => bars[Math.min(bars.length - 1, Math.max(0, Math.round(v * (bars.length - 1))))]).join('');
}

/** The flywheel in the terminal: one row per generation, both curves as sparklines, the slopes and the verdict. */
export function flywheelText(result: FlywheelResult): string {
  const rows = result.generations.map((g) => {
    const q = result.generationQ[g.generation];
    const work = (arm: typeof g.learned) =>
      arm.spend.workUnits === null ? 'not metered' : Math.round(arm.spend.workUnits).toLocaleString('en-US');
    return `  ${String(g.generation).padStart(3)}  ${`${percent(g.learned.success.estimate)} [${percent(g.learned.success.low)}–${percent(g.learned.success.high)}]`.padEnd(15)}  ${`${percent(g.frozen.success.estimate)} [${percent(g.frozen.success.low)}–${percent(g.frozen.success.high)}]`.padEnd(15)}  ${`${points(g.difference.estimate)} [${points(g.difference.low)}, ${points(g.difference.high)}]`.padEnd(22)}  ${(q === null || q === undefined ? '—' : q.toPrecision(2)).padEnd(6)}  ${work(g.learned)} / ${work(g.frozen)}`;
  });
  const slope = (s: FlywheelResult['slope']['learned']) =>
    `${points(s.estimate)} points a generation [${points(s.low)}, ${points(s.high)}], q ${s.q.toPrecision(2)}`;
  return [
    `Flywheel ${result.flywheelId} · ${result.generations.length} generations · ${result.generations[0]?.evaluationTasks ?? 0} evaluation tasks each · frozen ${result.baseline}`,
    '  gen  learned          frozen           learned − frozen        q (BH)  work units a cell, learned / frozen',
    ...rows,
    `  learned ${sparkline(result.generations.map((g) => g.learned.success.estimate))}  slope ${slope(result.slope.learned)}`,
    `  frozen  ${sparkline(result.generations.map((g) => g.frozen.success.estimate))}  slope ${slope(result.slope.frozen)}`,
    `  difference slope ${slope(result.slope.difference)}`,
    result.sentence,
  ].join('\n');
}

/** The flywheel as JSON: per generation and arm the success with its interval, the three slopes and the verdict. */
export function flywheelJson(result: FlywheelResult): unknown {
  return {
    flywheelId: result.flywheelId,
    baseline: result.baseline,
    generations: result.generations.map((g) => ({
      generation: g.generation,
      seed: g.seed,
      runId: g.runId,
      libraryId: g.libraryId,
      trainTasks: g.trainTasks,
      evaluationTasks: g.evaluationTasks,
      learned: {
        hash: g.learned.hash,
        solved: g.learned.solved,
        n: g.learned.n,
        ...g.learned.success,
        spend: g.learned.spend,
      },
      frozen: {
        hash: g.frozen.hash,
        solved: g.frozen.solved,
        n: g.frozen.n,
        ...g.frozen.success,
        spend: g.frozen.spend,
      },
      difference: { ...g.difference, q: result.generationQ[g.generation] ?? null },
    })),
    slope: result.slope,
    verdict: { turned: result.turned, sentence: result.sentence },
  };
}

/** The ablation grid in the terminal: each arm's success, the three marginal lifts, and what meta chose. */
export function ablationText(grid: AblationResult): string {
  const lift = (name: string, f: AblationResult['factors']['refine']) =>
    `  ${name.padEnd(8)} ${points(f.estimate)} points [${points(f.low)}, ${points(f.high)}], p ${f.p.toPrecision(2)}, q ${f.q.toPrecision(2)}`;
  return [
    `Ablation grid (run ${grid.runId}): refine {on, off} × learned controller {on, off} × meta {on, off} on the last generation`,
    ...grid.arms.map(
      (arm) =>
        `  ${arm.id.padEnd(16)} ${percent(arm.success.estimate)} [${percent(arm.success.low)}–${percent(arm.success.high)}] (${arm.solved}/${arm.n})`,
    ),
    'Marginal lift of each level (on − off, averaged over the other levels, paired by task; BH over the three):',
    lift('refine', grid.factors.refine),
    lift('learned', grid.factors.learned),
    lift('meta', grid.factors.meta),
    `  meta chose ${JSON.stringify(grid.meta.settings)} among ${grid.meta.table.length} settings (${grid.meta.table.map((c) => `${c.solved}/${c.n}`).join(', ')} on the next generation)`,
  ].join('\n');
}
