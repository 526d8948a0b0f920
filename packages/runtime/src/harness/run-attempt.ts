import type { CheckResult, Steer } from '@ratchet/corpus';
import { viewOf } from '../contracts/task';
import type { AttemptResult, Checkpoint, RemainingBudget } from '../contracts/worker';
import { agentFailure } from './agent-failure';
import type { CellServices, CellSpec } from './cell-spec';
import { withInfraRetries } from './retry';

export interface AttemptRun {
  readonly result: AttemptResult;
  readonly checks: CheckResult[];
  /** The state this attempt ran on, kept open until the cell is judged. */
  readonly handle: unknown;
  /** Wall time of the try that produced the result, checks included (not retried tries, nor backoff). */
  readonly wallMs: number;
}

/**
 * Runs one attempt on fresh state: opens the task's view, calls the worker, then the checks. An infra
 * failure of the open or the worker is retried on NEW state — the handle the failed try may already
 * have changed is closed first — so every retry starts where the first did. Checks are retried on
 * the attempt's own state. A persistent infra failure throws `CellInfraFailure`.
 */
export async function runAttempt(
  spec: CellSpec,
  services: CellServices,
  attempt: { steer: Steer | null; checkpoint: Checkpoint | null; budget: RemainingBudget; seed: string },
): Promise<AttemptRun> {
  const view = viewOf(spec.task);
  let handle: unknown;
  let opened = false;
  let started = performance.now();
  const closeStale = async () => {
    if (!opened) return;
    opened = false;
    await services.environment.close(handle);
  };
  try {
    const result = await withInfraRetries(
      async () => {
        await closeStale();
        started = performance.now();
        handle = await services.environment.open(view);
        opened = true;
        // Anything but an InfraError is the agent's outcome: a failed attempt, recorded and scored —
        // unless the run was stopped, whatever the worker threw on its way out.
        return services.worker.attempt({ task: view, handle, ...attempt }, services.signal).catch((error: unknown) => {
          if (services.signal.aborted) throw error;
          return agentFailure(error);
        });
      },
      services.retry,
      services.signal,
    );
    const checks = await withInfraRetries(
      () => services.environment.checks(handle, result.output),
      services.retry,
      services.signal,
    );
    return { result, checks, handle, wallMs: Math.round(performance.now() - started) };
  } catch (error) {
    await closeStale();
    throw error;
  }
}
