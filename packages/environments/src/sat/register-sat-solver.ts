import { builtInSolverUrl } from '../built-in-solver-url';
import { registerSolver } from '../solver-registry';

/**
 * Registers the `sat` solver (the module `solve-sat`) so any runner can run it. Idempotent; called by
 * `satWorker`, so a worker's runner always finds its solver.
 */
export function registerSatSolver(): void {
  registerSolver('sat', builtInSolverUrl('sat/solve-sat'));
}
