import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCorpus, unmeasuredUsage } from '@ratchet/corpus';
import { MockJudge } from '@ratchet/judges/test';
import { defaultController, refineStrategy, runBenchmark, type Strategy, type Task } from '@ratchet/runtime';
import { scriptedEnvironment, scriptedWorker } from '@ratchet/runtime/test';
import { builtInProgramSources, compileProgram, programStrategy } from '@ratchet/sandbox';
import { collectGarbage } from './collect-garbage';
import { formatTable } from './format-table';

// Settings fixed before the first measurement: the harness benchmark's setup (an instant worker, a
// check, a judge, a SQLite corpus on disk, concurrency 8) with refine@5 — each cell makes 5 attempts,
// 4 steered by an analyst call — native and sandboxed alternating, 3 rounds each, medians reported.
const tasks = 1_000;
const k = 5;
const concurrency = 8;
const rounds = 3;

/** Seconds and attempts of one refine@5 run of `strategy` on `tasks` instant tasks. */
async function timeRun(strategy: Strategy): Promise<{ seconds: number; attempts: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'ratchet-bench-sandbox-'));
  try {
    const corpus = await openCorpus(`sqlite:${join(dir, 'corpus.db')}`);
    const taskList: Task[] = Array.from({ length: tasks }, (_, i) => ({
      id: `task-${i}`,
      split: 'train',
      input: i,
      expected: i,
    }));
    const environment = scriptedEnvironment(taskList, (_task, output) => [
      { name: 'answered', passed: output !== null, score: null },
    ]);
    const worker = scriptedWorker((input) => ({
      output: input.task.input as number,
      events: [],
      usage: unmeasuredUsage,
      checkpoint: input.task.input as number,
    }));
    const started = performance.now();
    const summary = await runBenchmark({
      environment,
      worker,
      judge: new MockJudge({ judgments: { resolved: true } }),
      corpus,
      arms: [{ id: 'refine', strategy, k, controller: defaultController }],
      primaryContrast: { name: 'none', baseline: 'refine', candidate: 'refine' },
      concurrency,
    });
    const seconds = (performance.now() - started) / 1000;
    await corpus.close();
    return { seconds, attempts: summary.arms[0]?.attempts ?? 0 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/**
 * The sandbox's cost per attempt: `programStrategy(refine program)` against the native `refineStrategy`
 * on the harness benchmark's setup. Each sandboxed cell gets a fresh QuickJS runtime in a leased
 * WebAssembly engine, loads the program and crosses the boundary for every ctx call.
 */
export async function benchSandbox(progress: (message: string) => void): Promise<string> {
  const program = programStrategy(await compileProgram(builtInProgramSources.refine));
  const perAttempt: Record<'native' | 'sandbox', number[]> = { native: [], sandbox: [] };
  let attempts = 0;
  for (let round = 0; round < rounds; round++) {
    for (const [arm, strategy] of [
      ['native', refineStrategy],
      ['sandbox', program],
    ] as const) {
      progress(`sandbox: round ${round + 1}/${rounds}, ${arm}`);
      // Untimed: the last run's WebAssembly engines and records go before the next one starts.
      collectGarbage(true);
      const run = await timeRun(strategy);
      attempts = run.attempts;
      perAttempt[arm].push((run.seconds * 1e6) / run.attempts);
    }
  }
  const native = median(perAttempt.native);
  const sandbox = median(perAttempt.sandbox);
  const overheadMs = (sandbox - native) / 1000;
  return [
    `Sandbox overhead (runBenchmark, refine@${k}, ${tasks.toLocaleString('en')} cells = ${attempts.toLocaleString('en')} attempts per run, instant worker, SQLite corpus on disk, concurrency ${concurrency}; median of ${rounds} alternating runs):`,
    formatTable(
      ['strategy', 'µs per attempt', 'runs (µs per attempt)', 'target'],
      [
        ['native refineStrategy', native.toFixed(0), perAttempt.native.map((v) => v.toFixed(0)).join(', '), ''],
        [
          'programStrategy(refine program)',
          sandbox.toFixed(0),
          perAttempt.sandbox.map((v) => v.toFixed(0)).join(', '),
          '',
        ],
        ['sandbox overhead per attempt', `${overheadMs.toFixed(3)} ms`, '', '< 1 ms'],
      ],
    ),
  ].join('\n');
}
