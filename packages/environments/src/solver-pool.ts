import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import Piscina from 'piscina';
import { EnvironmentsError } from './environments-error';
import { solverModuleOf } from './solver-registry';
import type { SolverRunner } from './solver-runner';

export interface SolverPoolOptions {
  /** Worker threads, default the machine's available parallelism. */
  threads?: number;
}

/**
 * Runs registered solver modules in a pool of worker threads (piscina), so CPU-bound search uses
 * every core while the main thread keeps recording and reporting progress. Each call sends the
 * solver's module URL; a thread imports a module once. An aborted attempt's task is cancelled. The
 * threads start with the first call, so a pool that is never used costs nothing. Built packages load
 * the compiled thread entry; from TypeScript sources (tests) the threads load the sources through tsx.
 *
 * @example
 * const runner = solverPool({ threads: 4 });
 * const worker = dslWorker({ runner });
 * // … runBenchmark …
 * await runner.close();
 */
export function solverPool(options: SolverPoolOptions = {}): SolverRunner {
  const threads = options.threads ?? availableParallelism();
  if (!Number.isInteger(threads) || threads < 1) {
    throw new EnvironmentsError(`solverPool: threads must be a whole number ≥ 1, received ${threads}`);
  }
  let pool: Piscina | undefined;
  let closed = false;
  const started = () => {
    if (closed) throw new EnvironmentsError('solverPool: the pool is closed; make a new one to run more solver calls');
    const fromSource = fileURLToPath(import.meta.url).endsWith('.ts');
    pool ??= new Piscina({
      filename: new URL(fromSource ? './solver-thread.ts' : './solver-thread.js', import.meta.url).href,
      maxThreads: threads,
      minThreads: 1,
      execArgv: fromSource ? ['--import', import.meta.resolve('tsx'), '--conditions=@ratchet/source'] : [],
    });
    return pool;
  };
  return {
    async run(solver, request, signal) {
      const module = solverModuleOf(solver);
      return started().run({ module, request }, { signal });
    },
    async close() {
      closed = true;
      await pool?.destroy();
    },
  };
}
