import { z } from 'zod';
import {
  commitShaSchema,
  controllerRefSchema,
  idSchema,
  jsonValueSchema,
  splitSchema,
  timestampSchema,
  workerRefSchema,
} from './common-schemas';
import { recordSchemaVersion } from './schema-version';

export const armSpecSchema = z.strictObject({
  armId: idSchema,
  strategy: z.string().min(1).max(200),
  k: z.number().int().positive(),
  controller: controllerRefSchema,
});
export type ArmSpec = z.infer<typeof armSpecSchema>;

/**
 * One run: its configuration, arms, the primary contrast named before any cell ran (docs/design.md rule 6),
 * seed, splits, the cells it plans, and lifecycle. Only `mutableManifestFields` may change once written.
 */
export const runManifestSchema = z.strictObject({
  kind: z.literal('manifest'),
  schemaVersion: z.literal(recordSchemaVersion),
  runId: idSchema,
  benchmark: idSchema,
  config: jsonValueSchema,
  configHash: z.string().min(1).max(128),
  arms: z.array(armSpecSchema).min(1),
  primaryContrast: z.strictObject({ name: z.string().min(1).max(200), baseline: idSchema, candidate: idSchema }),
  seed: z.string().min(1).max(500),
  splits: z.array(splitSchema).min(1),
  /** Cells the run plans (arms × tasks × replicates); null for runs recorded before schema 2. */
  plannedCells: z.number().int().nonnegative().nullable(),
  environment: z.strictObject({
    id: idSchema,
    version: z.string().max(200).optional(),
    description: z.string().max(2000).optional(),
  }),
  worker: workerRefSchema,
  startedAt: timestampSchema,
  endedAt: timestampSchema.nullable(),
  status: z.enum(['running', 'completed', 'interrupted', 'failed']),
  /**
   * Why the run stopped: every planned cell done, a signal, the spend cap, or an infra failure that
   * would hit every cell (paused: resume once it is fixed). Null while it runs, or when the process
   * died without saying why.
   */
  stopReason: z.enum(['completed', 'signal', 'spend-cap', 'infra']).nullable(),
  /** Why the run stopped, in a sentence, when the reason needs one (the infra failure that paused it). */
  stopDetail: z.string().min(1).max(2000).optional(),
  /** The command that resumes the run, as the CLI would print it. */
  resumeCommand: z.string().min(1).max(2000).optional(),
  commitSha: commitShaSchema.optional(),
  notes: z.string().max(10_000).optional(),
  /**
   * Set when the run re-ran only the failed cells of another run (`ratchet run --retry-failed`): its
   * cells were chosen because they failed, so its rates are conditional on failure, never an estimate
   * of an arm's rate, and no contrast is measured on it. The original run is left as it was.
   */
  retryOf: z
    .strictObject({ runId: idSchema, cells: z.literal('failed'), selected: z.number().int().positive() })
    .optional(),
});
export type RunManifest = z.infer<typeof runManifestSchema>;

/** Fields that may change after a manifest is first written: the run's lifecycle. */
export const mutableManifestFields = [
  'status',
  'endedAt',
  'notes',
  'stopReason',
  'stopDetail',
  'resumeCommand',
] as const;
