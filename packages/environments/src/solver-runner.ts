import { loadSolver } from './load-solver';
import { solverModuleOf } from './solver-registry';

/**
 * How a family's worker runs its CPU-bound solver: in this thread (tests, small runs) or in a pool of
 * worker threads (`solverPool`, so a run's concurrency uses the machine's cores and progress stays
 * live). A solver is named as it was registered (`registerSolver`); requests and results are plain
 * JSON so they cross thread boundaries unchanged.
 */
export interface SolverRunner {
  run<Request, Result>(solver: string, request: Request, signal: AbortSignal): Promise<Result>;
  close(): Promise<void>;
}

/**
 * Runs solvers in the calling thread, importing each registered module once. The call starts one
 * macrotask later so an abort that already fired is seen.
 */
export const inProcessRunner: SolverRunner = {
  async run(solver, request, signal) {
    const solve = await loadSolver(solverModuleOf(solver));
    await new Promise((resolve) => setImmediate(resolve));
    signal.throwIfAborted();
    return solve(request as never) as never;
  },
  async close() {},
};
