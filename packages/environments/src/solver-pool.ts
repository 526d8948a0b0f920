import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import Piscina from 'piscina';
import type { SolverRunner } from './solver-runner';

export interface SolverPoolOptions {
  /** Worker threads, default the machine's available parallelism. */
  threads?: number;
}

/**
 * Runs the families' solvers in a pool of worker threads (piscina), so CPU-bound search uses every
 * core while the main thread keeps recording and reporting progress. An aborted attempt's task is
 * cancelled. Built packages load the compiled thread entry; from TypeScript sources (tests) the
 * threads load the sources through tsx.
 *
 * @example
 * const runner = solverPool();
 * const worker = dslWorker({ runner });
 * // … runBenchmark …
 * await runner.close();
 */
export function solverPool(options: SolverPoolOptions = {}): SolverRunner {
  const fromSource = fileURLToPath(import.meta.url).endsWith('.ts');
  const pool = new Piscina({
    filename: new URL(fromSource ? './solver-thread.ts' : './solver-thread.js', import.meta.url).href,
    maxThreads: options.threads ?? availableParallelism(),
    minThreads: 1,
    execArgv: fromSource ? ['--import', import.meta.resolve('tsx'), '--conditions=@ratchet/source'] : [],
  });
  return {
    run: (solver, request, signal) => pool.run({ solver, request }, { signal }),
    close: () => pool.destroy(),
  };
}
