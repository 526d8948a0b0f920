import { EnvironmentsError } from './environments-error';
import type { SolverFunction, SolverModule } from './solver-registry';

const loaded = new Map<string, Promise<SolverFunction>>();

/**
 * Imports a solver module once per thread and returns its solver: the default export, else `solve`.
 * Both runners go through here, so a solver runs the same in this thread as in a pool thread.
 *
 * @throws {EnvironmentsError} when the module cannot be imported or exports no solver function.
 */
export function loadSolver(url: string): Promise<SolverFunction> {
  let solver = loaded.get(url);
  if (solver === undefined) {
    solver = importSolver(url);
    loaded.set(url, solver);
    // A failed import is not cached: the next call tries again.
    solver.catch(() => loaded.delete(url));
  }
  return solver;
}

async function importSolver(url: string): Promise<SolverFunction> {
  let module: SolverModule;
  try {
    module = (await import(url)) as SolverModule;
  } catch (error) {
    throw new EnvironmentsError(`cannot import solver module ${url}: ${(error as Error)?.message ?? error}`, {
      cause: error,
    });
  }
  const solve = typeof module.default === 'function' ? module.default : module.solve;
  if (typeof solve !== 'function') {
    throw new EnvironmentsError(
      `solver module ${url} exports no solver: export the solve function as its default export or as \`solve\``,
    );
  }
  return solve as SolverFunction;
}
