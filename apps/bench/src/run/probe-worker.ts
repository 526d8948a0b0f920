import { type Environment, type Task, viewOf, type Worker } from '@ratchet/runtime';
import { ProbeFailedError } from './probe-failed-error';

/** How long the probe lets the agent run before calling it stuck. */
const probeTimeoutMs = 10 * 60_000;

/**
 * `--probe`: runs the worker once on one task, unsteered, on fresh state, before any cell — so a
 * typo in the agent command fails here, in seconds, with its stderr, instead of failing every cell of
 * the run. Nothing is recorded. Says what came back; throws when the agent failed or produced nothing.
 *
 * @throws {ProbeFailedError} with the failure, its stderr head, and the output the agent gave.
 */
export async function probeWorker(environment: Environment, worker: Worker, task: Task): Promise<string> {
  const view = viewOf(task);
  const started = performance.now();
  const handle = await environment.open(view);
  try {
    const result = await worker.attempt(
      {
        task: view,
        handle,
        steer: null,
        checkpoint: null,
        budget: { attempts: 1, usd: null, tokens: null, wallMs: null },
        seed: 'probe',
      },
      AbortSignal.timeout(probeTimeoutMs),
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const output = JSON.stringify(result.output) ?? 'undefined';
    const shown = output.length > 200 ? `${output.slice(0, 200)}…` : output;
    if (result.failure || result.output === null || result.output === '') {
      throw new ProbeFailedError({
        taskId: task.id,
        workerId: worker.id,
        output: shown,
        failure: result.failure ?? null,
      });
    }
    return `probe ok · ${worker.id} answered task ${task.id} in ${seconds} s: ${shown}`;
  } finally {
    await environment.close(handle);
  }
}
