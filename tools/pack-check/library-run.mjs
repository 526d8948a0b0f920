// The libraries as a downstream program uses them: a dsl benchmark run offline through runBenchmark,
// recorded in an in-memory corpus, with one figure printed. No model, no network.
import { openCorpus } from '@ratchet/corpus';
import { findFamily } from '@ratchet/environments';
import { random, refine, runBenchmark } from '@ratchet/runtime';

const dsl = findFamily('dsl').create({ count: 20, seed: 0 });
try {
  const summary = await runBenchmark({
    ...dsl,
    corpus: await openCorpus('sqlite::memory:'),
    arms: [
      { id: 'random', ...random(2, { controller: dsl.controller('random') }) },
      { id: 'refine', ...refine(2, { controller: dsl.controller('refine') }) },
    ],
    seed: 1,
    concurrency: 2,
    runId: 'pack-check',
  });
  if (summary.status !== 'completed') throw new Error(`the run ended ${summary.status}, not completed`);
  for (const arm of summary.arms) {
    const rate = arm.successRate;
    if (rate === null) throw new Error(`arm ${arm.armId} has no success rate`);
    console.log(`library: ${arm.armId} solved ${arm.resolved}/${arm.cells} (${(rate.estimate * 100).toFixed(1)}%)`);
  }
} finally {
  await dsl.close();
}
