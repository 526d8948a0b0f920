/** A job's data is not a cell job this version understands (another Ratchet version enqueued it, or it was edited). */
export class InvalidCellJobError extends Error {
  constructor(
    readonly jobId: string,
    readonly issues: string,
  ) {
    super(
      `queue job ${jobId} is not a Ratchet cell job (${issues}); was it enqueued by another Ratchet version? Upgrade the worker or the coordinator so both match`,
    );
    this.name = 'InvalidCellJobError';
  }
}

/** The queue could not be opened (the server is unreachable, or the URL is not a PostgreSQL one). */
export class QueueConnectionError extends Error {
  constructor(
    readonly url: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`cannot open the cell queue at ${url}: ${detail}`, options);
    this.name = 'QueueConnectionError';
  }
}
