import { openCorpus } from '@ratchet/corpus';
import type { Judge } from '@ratchet/judges';
import { defaultController, type Environment, random, runBenchmark, type Task, type Worker } from '@ratchet/runtime';
import { programStrategy } from '../program-strategy';
import type { SandboxLimits } from '../sandbox-limits';
import type { StrategyProgram } from '../strategy-program';
import type { SmokeResult } from './authoring-types';

export interface SmokeRunnerOptions {
  /** Where the sample tasks run: an offline family such as `sim` (no model, no spend). */
  readonly family: { readonly environment: Environment; readonly worker: Worker; readonly judge: Judge };
  /** A few tasks (3 is plenty: a smoke run looks for a program that breaks, not for a score). */
  readonly tasks: readonly Task[];
  /** Attempts per cell (default 4). */
  readonly k?: number;
  readonly limits?: Partial<SandboxLimits>;
}

/**
 * A smoke run for drafts: the program at k on a few tasks beside random@k, in a corpus in memory. It
 * fails when any of the program's cells failed as a program (threw, hit a limit, made no attempt),
 * naming the task and the error the sandbox recorded; the model is told exactly that.
 */
export function smokeRunner(options: SmokeRunnerOptions): (program: StrategyProgram) => Promise<SmokeResult> {
  const k = options.k ?? 4;
  return async (program) => {
    const corpus = await openCorpus('sqlite::memory:');
    try {
      const summary = await runBenchmark({
        ...options.family,
        corpus,
        tasks: options.tasks,
        arms: [
          { id: 'random', ...random(k) },
          { id: 'program', strategy: programStrategy(program, options.limits), k, controller: defaultController },
        ],
        primaryContrast: { name: 'smoke', baseline: 'random', candidate: 'program' },
        seed: `smoke/${program.hash}`,
        concurrency: 2,
        oracle: false,
      });
      const cells = (await corpus.cells({ runId: summary.runId })).filter((cell) => cell.armId === 'program');
      const failed = cells.filter((cell) => cell.strategyFailure);
      if (failed.length > 0) {
        const first = failed[0];
        return {
          ok: false,
          error: `${failed.length} of ${cells.length} cells failed as a program; on task ${first?.taskId}: ${first?.strategyFailure?.error}`,
        };
      }
      const attempts = cells.reduce((sum, cell) => sum + cell.attempts, 0);
      const solved = cells.filter((cell) => cell.verdict?.resolved).length;
      return {
        ok: true,
        note: `${cells.length} smoke cells, ${attempts} attempts, no program failure (${solved} solved)`,
      };
    } finally {
      await corpus.close();
    }
  };
}
