import { EnvironmentsError } from './environments-error';
import { solverPool } from './solver-pool';
import { inProcessRunner, type SolverRunner } from './solver-runner';

/**
 * The solver runner a family instance uses: `threads` > 0 makes a pool of that many worker threads
 * (closed with the instance), 0 or omitted runs the solver in this thread.
 *
 * @throws {EnvironmentsError} when `threads` is not a whole number ≥ 0.
 */
export function familyRunner(familyId: string, threads: number | undefined): SolverRunner {
  if (threads === undefined || threads === 0) return inProcessRunner;
  if (!Number.isInteger(threads) || threads < 0) {
    throw new EnvironmentsError(
      `${familyId} family: threads must be a whole number ≥ 0 (0 runs the solver in this thread), received ${threads}`,
    );
  }
  return solverPool({ threads });
}
