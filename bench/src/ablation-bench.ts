import { openCorpus } from '@ratchet/corpus';
import { dslFamily } from '@ratchet/environments';
import { ablationGrid, type FlywheelOptions, flywheel } from '@ratchet/optimizer';
import { type Family, random, refine } from '@ratchet/runtime';
import { formatTable } from './format-table';

/**
 * The level ablation grid, settings fixed (and committed) before its first run (issue 15): the full-size
 * flywheel's settings for seed 1 (dsl domain 1, generations 0..5, 100 evaluation tasks, refine@4, the
 * dsl miner's defaults), then on generation 5's draw: refine@4 or random@4 × the baseline, the learned
 * controller, or the controller learned with the meta level's settings (6 candidates drawn from the dsl
 * miner's meta space besides the defaults, judged on 40 train tasks of generation 4).
 */
export const ablationBenchSettings = Object.freeze({
  domain: 1,
  generations: 5,
  evaluationTasks: 100,
  seed: 1,
  k: 4,
  metaCandidates: 6,
  metaTasks: 40,
});

const percent = (value: number) => `${(100 * value).toFixed(0)}%`;
const points = (value: number) => (100 * value).toFixed(1);

/** The ablation grid on the last generation of the seed-1 flywheel. */
export async function benchAblation(onProgress: (message: string) => void): Promise<string> {
  const { domain, generations, evaluationTasks, seed, k, metaCandidates, metaTasks } = ablationBenchSettings;
  const corpus = await openCorpus('sqlite::memory:');
  const started = performance.now();
  try {
    const options: FlywheelOptions = {
      corpus,
      family: dslFamily as unknown as Family,
      options: { domain },
      generations,
      evaluationTasks,
      plan: (controller) => refine(k, { controller }),
      seed,
      concurrency: 4,
      threads: 2,
      onProgress: ({ generation, phase }) => onProgress(`ablation: flywheel generation ${generation} ${phase}`),
    };
    const result = await flywheel(options);
    onProgress('ablation: meta level and grid');
    const grid = await ablationGrid({
      ...options,
      result,
      offPlan: (controller) => random(k, { controller }),
      metaCandidates,
      metaTasks,
    });
    const arms = grid.arms.map((arm) => [
      arm.id,
      `${percent(arm.success.estimate)} [${percent(arm.success.low)}–${percent(arm.success.high)}]`,
      `${arm.solved}/${arm.n}`,
    ]);
    const factors = (['refine', 'learned', 'meta'] as const).map((name) => {
      const f = grid.factors[name];
      return [
        name,
        `${points(f.estimate)} [${points(f.low)}, ${points(f.high)}]`,
        f.p.toPrecision(2),
        f.q.toPrecision(2),
      ];
    });
    const meta = grid.meta.table.map((c) => [JSON.stringify(c.settings), `${c.solved}/${c.n}`]);
    return [
      `ablation grid on generation ${generations} of flywheel ${result.flywheelId} (seed ${seed}, ${((performance.now() - started) / 1000).toFixed(0)} s): dsl domain ${domain}, ${evaluationTasks} tasks, k = ${k}`,
      formatTable(['arm (topology/controller)', 'success', 'solved'], arms),
      formatTable(['level', 'marginal lift, points [95% CI]', 'p', 'q (BH)'], factors),
      `meta level: ${grid.meta.table.length} miner settings judged on ${metaTasks} train tasks of generation ${generations - 1}; chose ${JSON.stringify(grid.meta.settings)}`,
      formatTable(['settings', 'solved'], meta),
    ].join('\n');
  } finally {
    await corpus.close();
  }
}
