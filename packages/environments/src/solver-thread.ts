// The worker-thread entry of `solverPool`: runs one solver call. The main thread sends the solver's
// module URL (this thread cannot see its registry); the module is imported once per thread.
import { loadSolver } from './load-solver';

export default async function runSolver(task: { module: string; request: unknown }): Promise<unknown> {
  const solve = await loadSolver(task.module);
  return solve(task.request as never);
}
