import type { AttemptFailure } from '@ratchet/runtime';
import { stderrHead } from '../report/failure-warnings';

/** `--probe` ran the agent once and it failed, or answered nothing: the run does not start. Exit 1. */
export class ProbeFailedError extends Error {
  readonly failure: AttemptFailure | null;

  constructor(options: { taskId: string; workerId: string; output: string; failure: AttemptFailure | null }) {
    const { failure } = options;
    const what = failure ? `failed (${failure.reason}): ${failure.message}` : `gave no output (${options.output})`;
    const head = stderrHead(failure?.stderr, 5);
    const stderr = head.length > 0 ? `\nFrom its stderr:\n${head.join('\n')}` : '';
    super(
      `probe: ${options.workerId} ${what} on task ${options.taskId}; no cell was run. Fix the agent command or its setup, then run again.${stderr}`,
    );
    this.name = 'ProbeFailedError';
    this.failure = failure;
  }
}
