import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { autoloopInvocation, controllerTarget, loadConfiguredTarget, runAutoloop } from '@ratchet/autoloop';
import { openCorpus } from '@ratchet/corpus';
import { dslFamily } from '@ratchet/environments';
import { refine, runBenchmark } from '@ratchet/runtime';
import { formatTable } from './format-table';

/**
 * The settings of the autoloop measurement, fixed before it was first run (issue 16): the
 * dsl-controller example target exactly as shipped, three loop seeds, at most 6 iterations with the
 * command's default plateau window (3) and min-improvement (0); then the controller each loop ends with
 * against the one it started from, refine@4 on every task of a fresh dsl draw no loop saw.
 */
export const autoloopBenchSettings = Object.freeze({
  seeds: ['a', 'b', 'c'],
  maxIterations: 6,
  plateauWindow: 3,
  evaluateSeed: 'bench/autoloop/evaluate',
  evaluateCount: 200,
  k: 4,
});

const example = fileURLToPath(new URL('../../packages/autoloop/examples/dsl-controller', import.meta.url));
const points = (value: number | null) => (value === null ? '?' : (100 * value).toFixed(1));

interface LoopResult {
  readonly row: string[];
  readonly note: string | null;
}

async function oneLoop(seed: string, onProgress: (message: string) => void): Promise<LoopResult> {
  const { maxIterations, plateauWindow, evaluateSeed, evaluateCount, k } = autoloopBenchSettings;
  const dir = mkdtempSync(join(tmpdir(), 'bench-autoloop-'));
  try {
    const target = join(dir, 'target');
    cpSync(example, target, { recursive: true });
    const configFile = join(target, 'ratchet.config.json');
    writeFileSync(
      configFile,
      readFileSync(configFile, 'utf8').replace('"seed": "dsl-controller"', `"seed": "${seed}"`),
    );
    const stateRoot = join(dir, 'state');
    const invocation = autoloopInvocation(
      {
        target,
        stateRoot,
        store: `sqlite:${join(dir, 'corpus.db')}`,
        maxIterations: String(maxIterations),
        maxCost: '0',
        plateauWindow: String(plateauWindow),
        cooldownMinutes: '0',
        mode: 'single-run',
        maxConsecutiveErrors: '3',
        minImprovement: '0',
      },
      '/',
    );
    const quiet = { write: (text: string) => onProgress(`loop ${seed}: ${text.trim().split('\n').at(-1)}`) };
    const started = performance.now();
    const code = await runAutoloop({
      invocation,
      signal: new AbortController().signal,
      loadTarget: (loaded) => loadConfiguredTarget(loaded, quiet),
      stderr: quiet,
      commandLine: 'bench',
    });
    const seconds = (performance.now() - started) / 1000;
    const state = JSON.parse(readFileSync(join(stateRoot, 'autoloop_state.json'), 'utf8'));
    const history: Array<{ decision: string; ci: [number, number] | null }> = state.score_history;
    const gated = history.filter((entry) => entry.ci !== null).length;
    const kept = history.filter((entry) => entry.decision === 'keep').length;

    const family = dslFamily.create({ count: evaluateCount, seed: evaluateSeed, budget: 1500 }, { threads: 2 });
    try {
      const initial = family.controller('baseline');
      const final = await controllerTarget({ dir: target, stateRoot, base: initial }).current();
      let lift = 'no keep: the same controller';
      if (final.hash !== initial.hash) {
        const corpus = await openCorpus('sqlite::memory:');
        try {
          const tasks = [
            ...(await family.environment.tasks('train')),
            ...(await family.environment.tasks('val')),
            ...(await family.environment.tasks('holdout')),
          ];
          const summary = await runBenchmark({
            ...family,
            corpus,
            tasks,
            arms: [
              { id: 'initial', ...refine(k, { controller: initial }) },
              { id: 'final', ...refine(k, { controller: final }) },
            ],
            primaryContrast: { name: 'loop', baseline: 'initial', candidate: 'final' },
            seed: `bench/autoloop/${seed}/evaluate`,
            concurrency: 4,
            oracle: false,
            onProgress: ({ cellsDone, cellsTotal }) =>
              onProgress(`loop ${seed}: evaluation ${cellsDone}/${cellsTotal}`),
          });
          const contrast = summary.contrasts.find((c) => c.primary);
          lift =
            contrast === undefined || contrast.estimate === null
              ? 'not estimable'
              : `${points(contrast.estimate)} [${points(contrast.low)}, ${points(contrast.high)}] (n ${contrast.n})`;
        } finally {
          await corpus.close();
        }
      }
      return {
        row: [
          seed,
          String(code),
          String(state.iterations_completed),
          `${kept} / ${gated}`,
          state.status.replace('stopped_', ''),
          `${(seconds / Math.max(1, state.iterations_completed)).toFixed(1)} s`,
          lift,
        ],
        note: final.hash === initial.hash ? null : `loop ${seed} ends with ${JSON.stringify(final.parameters)}`,
      };
    } finally {
      await family.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Does the autoloop, run unattended on the shipped dsl-controller target, end with a better controller
 * than it started from? Per loop seed: iterations, keeps among gated candidates, the rule that stopped it,
 * time per iteration, and final − initial at refine@4 on fresh tasks (points, 95% CI, paired by task).
 */
export async function benchAutoloop(onProgress: (message: string) => void): Promise<string> {
  const results: LoopResult[] = [];
  for (const seed of autoloopBenchSettings.seeds) results.push(await oneLoop(seed, onProgress));
  const { evaluateCount, evaluateSeed, k, maxIterations } = autoloopBenchSettings;
  return [
    `The dsl-controller example target, ${maxIterations} iterations at most per loop; final − initial at refine@${k} on ${evaluateCount} fresh tasks (dsl seed "${evaluateSeed}"):`,
    formatTable(
      ['loop seed', 'exit', 'iterations', 'kept / gated', 'stopped by', 'per iteration', 'final − initial (points)'],
      results.map((result) => result.row),
    ),
    ...results.map((result) => result.note).filter((note): note is string => note !== null),
  ].join('\n');
}
