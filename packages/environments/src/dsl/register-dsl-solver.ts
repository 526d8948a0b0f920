import { registerSolver } from '../solver-runner';
import { solveDsl } from './solve-dsl';

/**
 * Registers the `dsl` solver so any runner (in-process, or a pool thread that loads this family) can
 * run it. Idempotent. Called when this module loads and again by `dslWorker`, since the package is
 * marked side-effect free and a bundler may drop a bare import.
 */
export function registerDslSolver(): void {
  registerSolver('dsl', solveDsl);
}

registerDslSolver();
