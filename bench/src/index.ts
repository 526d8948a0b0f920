import { benchAblation } from './ablation-bench';
import { benchAcceptance } from './acceptance-calibration';
import { benchAutoloop } from './autoloop-bench';
import { benchBootstrap } from './bootstrap-speed';
import { collectGarbage } from './collect-garbage';
import { benchCorpus } from './corpus-throughput';
import { families } from './families';
import { benchFamily } from './family-solve-rates';
import { benchFlywheel } from './flywheel-bench';
import { benchHarness } from './harness-overhead';
import { benchLearnedStop } from './learned-stop';
import { benchLibrary } from './library-learning';
import { benchOptimizer, defaultSeeds } from './optimizer-comparison';
import { benchPostgres } from './postgres-store';
import { benchCalibration } from './promotion-calibration';
import { benchQueue } from './queue-scaling';
import { benchReplayVsLive } from './replay-vs-live';
import { benchSandbox } from './sandbox-overhead';
import { benchSatReadSide } from './sat-read-side';
import { benchSequentialGate } from './sequential-gate';
import { benchSequentialGateAblation } from './sequential-gate-ablation';
import { benchViewer } from './viewer-bench';

const progress = (message: string) => {
  if (process.stderr.isTTY) process.stderr.write(`\r${message}\x1b[K`);
};
const clearProgress = () => {
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
};

const sections: Record<string, () => Promise<void>> = {
  bootstrap: async () => console.log(await benchBootstrap()),
  calibration: async () => {
    console.log('\nSimulating the promotion gate (16,000 seeded holdouts, about half a minute)…\n');
    const table = benchCalibration((done, total) => progress(`calibration: ${done}/${total} simulated holdouts`));
    clearProgress();
    console.log(table);
  },
  'sequential-gate': async () => {
    console.log(
      '\nSimulating the sequential and fixed-n promotion gates (24,000 seeded holdouts, each decided three ways; a minute or two)…\n',
    );
    const table = benchSequentialGate(progress);
    clearProgress();
    console.log(table);
  },
  'sequential-ablation': async () => {
    console.log(
      '\nThe sequential gate ablation: three bets × two futility levels on 24,000 seeded holdouts (half a minute)…\n',
    );
    console.log(benchSequentialGateAblation(progress));
    clearProgress();
  },
  corpus: async () => {
    console.log('\nMeasuring the corpus (writes about 1,000,000 records to a temporary folder; a minute or two)…\n');
    console.log(await benchCorpus(progress));
    clearProgress();
    collectGarbage(true);
    console.log('');
    console.log(await benchHarness());
  },
  postgres: async () => {
    console.log(
      '\nThe PostgreSQL store beside SQLite: append throughput and pairs() over 1,000,000 records each (a few minutes)…\n',
    );
    console.log(await benchPostgres(progress));
    clearProgress();
  },
  queue: async () => {
    console.log(
      '\nThe cell queue: enqueue → start with an instant worker, and 1–16 `ratchet worker` processes on one run (a few minutes)…\n',
    );
    console.log(await benchQueue(progress));
    clearProgress();
  },
  viewer: async () => {
    console.log(
      '\nTiming the viewer API over a 1,000,000-record corpus (written to a temporary folder; a minute or two)…\n',
    );
    console.log(await benchViewer(progress));
    clearProgress();
  },
  families: async () => {
    for (const { name, create } of families()) {
      console.log(`\nRunning the ${name} family: 5 arms × 100 tasks…\n`);
      const family = create();
      try {
        console.log(await benchFamily(family, progress));
      } finally {
        await family.close();
      }
      clearProgress();
    }
  },
  acceptance: async () => {
    console.log('\nMeasuring minibatch acceptance rules on sim, with and without a true difference (seconds)…\n');
    console.log(await benchAcceptance(progress));
    clearProgress();
  },
  ablation: async () => {
    console.log(
      '\nThe level ablation grid on the seed-1 flywheel: refine × learned × meta on generation 5 (about 20 minutes on 2 cores)…\n',
    );
    console.log(await benchAblation(progress));
    clearProgress();
  },
  autoloop: async () => {
    console.log(
      '\nThe autoloop on the dsl-controller example target: 3 loops of up to 6 iterations, then final vs initial on fresh tasks (a few minutes)…\n',
    );
    console.log(await benchAutoloop(progress));
    clearProgress();
  },
  flywheel: async () => {
    console.log(
      '\nThe flywheel on the dsl domain: generations 0–5, 100 evaluation tasks each, 3 seeds (about half an hour on 2 cores)…\n',
    );
    console.log(await benchFlywheel(progress));
    clearProgress();
  },
  library: async () => {
    console.log(
      '\nLearning a dsl library from one run and measuring it on fresh domain tasks (2 domains; several minutes)…\n',
    );
    console.log(await benchLibrary(progress));
    clearProgress();
  },
  'learned-stop': async () => {
    console.log(
      '\nLearning a stop policy across families and running it live on fresh dsl and sat tasks at matched compute (about 6 minutes on a 2-core machine)…\n',
    );
    console.log(await benchLearnedStop(progress));
    clearProgress();
  },
  optimizer: async () => {
    const seeds = Number(process.env.RATCHET_BENCH_SEEDS ?? defaultSeeds);
    if (!Number.isInteger(seeds) || seeds < 1) {
      throw new Error(`RATCHET_BENCH_SEEDS must be a whole number ≥ 1, received "${process.env.RATCHET_BENCH_SEEDS}"`);
    }
    console.log(
      `\nComparing GEPA, random search and the default controller on dsl and sat (${seeds} seeds each; about ${Math.round(2.6 * seeds)} minutes on a 2-core machine, more when it is busy)…\n`,
    );
    console.log(await benchOptimizer(seeds, progress));
    clearProgress();
  },
  'sat-read-side': async () => {
    console.log(
      '\nThe sat read side: clause weights carried by continuation, and per-class settings mined from one run (a few minutes)…\n',
    );
    console.log(await benchSatReadSide(progress));
    clearProgress();
  },
  sandbox: async () => {
    console.log(
      '\nMeasuring the sandbox against native strategies: refine@5, native and as a program, 3 rounds (about a minute)…\n',
    );
    console.log(await benchSandbox(progress));
    clearProgress();
  },
  'replay-vs-live': async () => {
    console.log('\nEstimating topology policies off-policy on sim and dsl, and running them live (a few minutes)…\n');
    console.log(await benchReplayVsLive(progress));
    clearProgress();
  },
};

// `RATCHET_BENCH=optimizer,acceptance` (or the names as arguments) runs only those sections, in this order.
const asked = [...process.argv.slice(2), ...(process.env.RATCHET_BENCH ?? '').split(',')]
  .map((name) => name.trim())
  .filter((name) => name.length > 0);
const unknown = asked.filter((name) => !(name in sections));
if (unknown.length > 0) {
  console.error(`bench: unknown section ${unknown.join(', ')}; the sections are ${Object.keys(sections).join(', ')}.`);
  process.exit(2);
}

const started = performance.now();
console.log(`Ratchet benchmarks · Node ${process.version} · ${new Date().toISOString()}\n`);
for (const [name, run] of Object.entries(sections)) {
  if (asked.length !== 0 && !asked.includes(name)) continue;
  await run();
  // What a section allocated is not carried into the next one.
  collectGarbage(true);
}
// maxRSS is in KiB: the most this process held resident at any moment, every section included.
const peakMiB = process.resourceUsage().maxRSS / 1024;
console.log(
  `\nDone in ${((performance.now() - started) / 1000).toFixed(1)} s; peak resident memory ${peakMiB.toFixed(0)} MiB.`,
);
