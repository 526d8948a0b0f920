import { z } from 'zod';
import { commitShaSchema, controllerRefSchema, idSchema, jsonValueSchema, timestampSchema } from './common-schemas';
import { recordSchemaVersion } from './schema-version';

/** One objective the search reads per task, and which way is better. */
export const objectiveSpecSchema = z.strictObject({
  name: z.string().min(1).max(100),
  direction: z.enum(['maximize', 'minimize']),
});
export type ObjectiveSpec = z.infer<typeof objectiveSpecSchema>;

/** Cells and dollars: what an optimization may spend, and what it has spent. Null dollars: not capped / not measured. */
export const optimizerSpendSchema = z.strictObject({
  cells: z.number().int().nonnegative(),
  usd: z.number().nonnegative().nullable(),
});
export type OptimizerSpend = z.infer<typeof optimizerSpendSchema>;

/**
 * One optimization (a `gepa` search): what it searches (benchmark, baseline controller, objectives),
 * its budget and seed, and its lifecycle. The search's state is in its candidate and iteration records
 * and in the cells of its evaluation runs; this record says what it is and how it ended. Only
 * `mutableOptimizationFields` may change once written.
 */
export const optimizationRecordSchema = z.strictObject({
  kind: z.literal('optimization'),
  schemaVersion: z.literal(recordSchemaVersion),
  optimizationId: idSchema,
  benchmark: idSchema,
  /** Everything that defines the search (family options, strategy, k, splits, proposer, acceptance…). */
  config: jsonValueSchema,
  configHash: z.string().min(1).max(128),
  seed: z.string().min(1).max(500),
  baseline: controllerRefSchema,
  objectives: z.array(objectiveSpecSchema).min(1),
  budget: z.strictObject({
    cells: z.number().int().positive().nullable(),
    usd: z.number().positive().nullable(),
  }),
  startedAt: timestampSchema,
  endedAt: timestampSchema.nullable(),
  status: z.enum(['running', 'completed', 'interrupted', 'failed']),
  /**
   * Why the search stopped: its iterations done, a budget reached (cells or dollars), a dollar cost
   * that was not measured under a dollar cap, the proposer out of new proposals, a signal, or an error.
   */
  stopReason: z
    .enum(['iterations', 'budget-cells', 'budget-usd', 'unmeasured-usd', 'exhausted', 'signal', 'error'])
    .nullable(),
  stopDetail: z.string().min(1).max(2000).optional(),
  /** The candidate the stated scalarization picks on val, once the search has one. */
  best: controllerRefSchema.nullable(),
  /** What the search has spent: new cells run, and dollars (rollouts and proposer calls; null once one is unmeasured). */
  spend: optimizerSpendSchema,
  resumeCommand: z.string().min(1).max(2000).optional(),
  commitSha: commitShaSchema.optional(),
});
export type OptimizationRecord = z.infer<typeof optimizationRecordSchema>;

/** Fields that may change after an optimization record is first written: its lifecycle and progress. */
export const mutableOptimizationFields = [
  'status',
  'endedAt',
  'stopReason',
  'stopDetail',
  'best',
  'spend',
  'resumeCommand',
] as const;
