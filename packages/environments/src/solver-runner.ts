/**
 * How a family's worker runs its CPU-bound solver: in this thread (tests, small runs) or in a pool of
 * worker threads (`solverPool`, so a run's concurrency uses the machine's cores and progress stays
 * live). Requests and results are plain JSON so they cross thread boundaries unchanged.
 */
export interface SolverRunner {
  run<Request, Result>(solver: SolverName, request: Request, signal: AbortSignal): Promise<Result>;
  close(): Promise<void>;
}

/** The solvers a pool can run, each a pure synchronous function of its request. */
export type SolverName = 'dsl' | 'sat';

type SolverFunction = (request: never) => unknown;
const registry = new Map<SolverName, SolverFunction>();

/** Registers a family's solver under its name (each family's module does this when loaded). */
export function registerSolver(name: SolverName, solve: SolverFunction): void {
  registry.set(name, solve);
}

export function solverFor(name: SolverName): SolverFunction {
  const solve = registry.get(name);
  if (!solve) throw new Error(`no solver is registered under "${name}"; import its family module first`);
  return solve;
}

/** Runs solvers in the calling thread, one macrotask later so an abort that already fired is seen. */
export const inProcessRunner: SolverRunner = {
  async run(solver, request, signal) {
    await new Promise((resolve) => setImmediate(resolve));
    signal.throwIfAborted();
    return solverFor(solver)(request as never) as never;
  },
  async close() {},
};
