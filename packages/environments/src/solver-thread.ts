// The worker-thread entry of `solverPool`: runs one solver call. Solvers are imported by name (not
// through the registry) so the bundler keeps them in this entry.
import { solveDsl } from './dsl/solve-dsl';
import { solveSat } from './sat/solve-sat';
import type { SolverName } from './solver-runner';

const solvers: Record<SolverName, (request: never) => unknown> = { dsl: solveDsl, sat: solveSat };

export default function runSolver(task: { solver: SolverName; request: unknown }): unknown {
  return solvers[task.solver](task.request as never);
}
