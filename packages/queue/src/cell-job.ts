import { z } from 'zod';

/**
 * One job: one cell of a run. The queue knows the cell's coordinates and id (its singleton key, so
 * enqueueing it twice while it waits or runs adds nothing); `run` is what a worker needs to build the
 * run, opaque here: the program that enqueues defines it and checks it when a worker takes the job.
 */
export const cellJobSchema = z.strictObject({
  runId: z.string().min(1),
  /** The cell's id in the corpus (`run/arm/task/rN`): the job's singleton key. */
  cellId: z.string().min(1),
  armId: z.string().min(1),
  taskId: z.string().min(1),
  replicate: z.number().int().min(0),
  /** For a retry of an infra cell: the try of the recorded infra cell this job replaces; else null. */
  redoTry: z.number().int().min(0).nullable(),
  run: z.record(z.string(), z.unknown()),
});
export type CellJob = z.infer<typeof cellJobSchema>;

/** A job a worker holds: the cell, which delivery this is, and whether the queue gives it another after this. */
export interface TakenCell {
  job: CellJob;
  /** 1 for the first delivery; more after a worker died or failed on it. */
  delivery: number;
  /** No delivery follows this one: a failure now sends the cell to the dead-letter queue. */
  lastDelivery: boolean;
}

/** A cell that failed on every delivery, taken from the dead-letter queue. */
export interface DeadCell {
  job: CellJob;
  deliveries: number;
  /** The last failure as the queue recorded it (a worker's error, or an expired heartbeat). */
  error: string;
}
