import { openCorpus } from '@ratchet/corpus';
import { dslFamily } from '@ratchet/environments';
import { type FlywheelResult, flywheel } from '@ratchet/optimizer';
import { type Family, refine } from '@ratchet/runtime';
import { formatTable } from './format-table';

/**
 * The full-size flywheel, settings fixed (and committed) before its first run (issue 15): the dsl
 * domain 1 (its parameters fixed in issue 14), the worker's default 20,000 steps an attempt, refine@4 for
 * both arms, the dsl miner's defaults (fixed in issue 14), generations 0..5, 100 evaluation tasks a
 * generation, flywheel seeds 1, 2 and 3, 10,000 bootstrap resamples.
 */
export const flywheelBenchSettings = Object.freeze({
  domain: 1,
  generations: 5,
  evaluationTasks: 100,
  seeds: [1, 2, 3],
  k: 4,
});

const percent = (value: number) => `${(100 * value).toFixed(0)}%`;
const points = (value: number) => (100 * value).toFixed(1);

function table(result: FlywheelResult, seed: number, seconds: number): string {
  const rows = result.generations.map((g) => [
    String(g.generation),
    `${percent(g.learned.success.estimate)} [${percent(g.learned.success.low)}–${percent(g.learned.success.high)}]`,
    `${percent(g.frozen.success.estimate)} [${percent(g.frozen.success.low)}–${percent(g.frozen.success.high)}]`,
    `${points(g.difference.estimate)} [${points(g.difference.low)}, ${points(g.difference.high)}]`,
    result.generationQ[g.generation] === null ? '—' : (result.generationQ[g.generation] as number).toPrecision(2),
    `${Math.round(g.learned.spend.workUnits ?? 0).toLocaleString('en-US')} / ${Math.round(g.frozen.spend.workUnits ?? 0).toLocaleString('en-US')}`,
  ]);
  const slope = (name: string, s: FlywheelResult['slope']['learned']) =>
    `${name} ${points(s.estimate)} points/generation [${points(s.low)}, ${points(s.high)}], q ${s.q.toPrecision(2)}`;
  return [
    `flywheel seed ${seed} (${result.flywheelId}, ${seconds.toFixed(0)} s): dsl domain ${flywheelBenchSettings.domain}, refine@${flywheelBenchSettings.k}, ${flywheelBenchSettings.evaluationTasks} evaluation tasks a generation`,
    formatTable(['generation', 'learned', 'frozen', 'learned − frozen', 'q (BH)', 'steps/cell learned / frozen'], rows),
    `slopes: ${slope('learned', result.slope.learned)}; ${slope('frozen', result.slope.frozen)}; ${slope('difference', result.slope.difference)}`,
    result.sentence,
  ].join('\n');
}

/** The flywheel on the dsl domain, one table per seed, and the verdicts. */
export async function benchFlywheel(onProgress: (message: string) => void): Promise<string> {
  const parts: string[] = [];
  const { domain, generations, evaluationTasks, seeds, k } = flywheelBenchSettings;
  let turned = 0;
  for (const seed of seeds) {
    const corpus = await openCorpus('sqlite::memory:');
    const started = performance.now();
    try {
      const result = await flywheel({
        corpus,
        family: dslFamily as unknown as Family,
        options: { domain },
        generations,
        evaluationTasks,
        plan: (controller) => refine(k, { controller }),
        seed,
        concurrency: 4,
        threads: 2,
        onProgress: ({ generation, phase, cellsDone, cellsTotal }) =>
          onProgress(`flywheel seed ${seed}: generation ${generation} ${phase} ${cellsDone ?? ''}/${cellsTotal ?? ''}`),
      });
      if (result.turned) turned++;
      parts.push(table(result, seed, (performance.now() - started) / 1000));
    } finally {
      await corpus.close();
    }
  }
  parts.push(`The flywheel turned on ${turned} of ${seeds.length} seeds.`);
  return parts.join('\n\n');
}
