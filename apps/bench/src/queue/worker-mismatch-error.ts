/**
 * This worker builds another run from a job than the coordinator planned: its files differ (a strategy
 * module edited, a dataset with other tasks) or it is another Ratchet version. It must not record
 * cells of that run; the worker stops, and the job goes back to the queue for a worker that matches.
 */
export class WorkerMismatchError extends Error {
  constructor(runId: string, detail: string) {
    super(
      `this worker cannot run cells of run ${runId}: ${detail}. Start workers from a checkout of the same project at the same path (the config's files must match), with the same Ratchet version`,
    );
    this.name = 'WorkerMismatchError';
  }

  static isInstance(error: unknown): error is WorkerMismatchError {
    return error instanceof WorkerMismatchError;
  }
}
