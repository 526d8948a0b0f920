import { builtInSolverUrl } from '../built-in-solver-url';
import { registerSolver } from '../solver-registry';

/**
 * Registers the `dsl` solver (the module `solve-dsl`) so any runner can run it. Idempotent; called by
 * `dslWorker`, so a worker's runner always finds its solver.
 */
export function registerDslSolver(): void {
  registerSolver('dsl', builtInSolverUrl('dsl/solve-dsl'));
}
