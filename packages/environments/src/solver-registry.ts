import { EnvironmentsError } from './environments-error';

/** A solver: a pure synchronous function of a plain-JSON request, so it runs the same on any thread. */
export type SolverFunction = (request: never) => unknown;

/** What a solver module exports: the solver as its default export, or as `solve`. */
export interface SolverModule {
  readonly default?: unknown;
  readonly solve?: unknown;
}

const modules = new Map<string, string>();

/**
 * Registers a solver module under a name, by URL, so any runner can run it: the in-process runner and
 * every pool thread import the module from that URL (a thread cannot see this thread's functions).
 * A family's worker registers its solver when it is created. Registering the same URL again does nothing.
 *
 * @throws {EnvironmentsError} when the name is already registered with another module.
 * @example
 * registerSolver('double', new URL('./double-solver.js', import.meta.url));
 * await solverPool().run('double', { n: 21 }, signal); // => whatever double-solver's default export returns
 */
export function registerSolver(name: string, module: string | URL): void {
  const url = String(module);
  const registered = modules.get(name);
  if (registered !== undefined && registered !== url) {
    throw new EnvironmentsError(
      `registerSolver: "${name}" is already registered as ${registered}, not ${url}; give each solver module its own name`,
    );
  }
  modules.set(name, url);
}

/**
 * The URL of the module registered under `name`.
 *
 * @throws {EnvironmentsError} when no solver is registered under that name.
 */
export function solverModuleOf(name: string): string {
  const url = modules.get(name);
  if (url === undefined) {
    const known = [...modules.keys()].join(', ') || 'none';
    throw new EnvironmentsError(
      `no solver is registered under "${name}" (registered: ${known}); register it with registerSolver(name, moduleUrl) — a family's worker does this when it is created`,
    );
  }
  return url;
}
