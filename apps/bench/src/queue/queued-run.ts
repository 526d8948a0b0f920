import { z } from 'zod';

/**
 * What a worker needs to run a cell of a queued run, carried by every job of the run: the config as
 * the coordinator resolved it (overrides applied, paths absolute), where its strategy modules are, the
 * store to record into, and the run's identity so a worker can check it builds the same run.
 */
export const queuedRunSchema = z.strictObject({
  version: z.literal(1),
  runId: z.string().min(1),
  /** The manifest's config hash: a worker whose build of the config gives another refuses the cell. */
  configHash: z.string().min(1),
  store: z.string().min(1),
  /** The validated config, re-validated by the worker (`ratchetConfigSchema`). */
  config: z.record(z.string(), z.unknown()),
  source: z.string().min(1),
  configDir: z.string().min(1),
  /** A retry of the failed cells of this run (into `runId`), else null. */
  retryFailedOf: z.string().nullable(),
  /**
   * The run's spend cap in dollars, counted over the cells recorded since the run was queued (what
   * the run's cells had cost before, `baselineUsd`, is not counted): a worker starts no cell once it is reached.
   */
  spendCap: z.strictObject({ usd: z.number().positive(), baselineUsd: z.number().min(0) }).nullable(),
});
export type QueuedRun = z.infer<typeof queuedRunSchema>;
