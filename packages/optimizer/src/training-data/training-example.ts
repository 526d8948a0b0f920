import { idSchema, jsonValueSchema, outputSchema, steerSchema } from '@ratchet/corpus';
import { z } from 'zod';

/** The version of the training-data rows this Ratchet writes. */
export const trainingDataVersion = 1;

/** One attempt as training data: what the worker was told (the steer; the task input is on the row) and what it did. */
export const trainingAttemptSchema = z.strictObject({
  recordId: idSchema,
  runId: idSchema,
  attempt: z.number().int().nonnegative(),
  steer: steerSchema.nullable(),
  /** The output: inline JSON, or a reference to a content-addressed blob in the corpus. */
  output: outputSchema.nullable(),
  traceSummary: z.string().nullable(),
});
export type TrainingAttempt = z.infer<typeof trainingAttemptSchema>;

const taskShape = {
  schemaVersion: z.literal(trainingDataVersion),
  benchmark: idSchema,
  taskId: idSchema,
  /** Never `holdout`: holdout tasks are not exported. */
  split: z.enum(['train', 'val']),
  /** The task's input as its environment gives it, or null when the export was not given the tasks. */
  input: jsonValueSchema.nullable(),
};

/** A supervised fine-tuning row: one attempt whose output the judge resolved (a train or val verdict). */
export const sftExampleSchema = z.strictObject({
  kind: z.literal('sft'),
  ...taskShape,
  attempt: trainingAttemptSchema,
});
export type SftExample = z.infer<typeof sftExampleSchema>;

/** A preference row: two attempts at the same task, one resolved (`chosen`) and one not (`rejected`). */
export const preferenceExampleSchema = z.strictObject({
  kind: z.literal('preference'),
  ...taskShape,
  chosen: trainingAttemptSchema,
  rejected: trainingAttemptSchema,
});
export type PreferenceExample = z.infer<typeof preferenceExampleSchema>;

export type TrainingExample = SftExample | PreferenceExample;

/** What a training-data file holds and how it was made: written beside it, so the data can be audited. */
export const datasheetSchema = z.strictObject({
  kind: z.literal('datasheet'),
  schemaVersion: z.literal(trainingDataVersion),
  format: z.enum(['sft', 'preference']),
  createdAt: z.iso.datetime({ offset: true }),
  store: z.string(),
  filters: z.strictObject({
    benchmark: z.string().nullable(),
    runIds: z.array(z.string()).nullable(),
    splits: z.array(z.enum(['train', 'val'])),
    maxPairsPerTask: z.number().int().positive().nullable(),
  }),
  /** The runs the rows came from, with the rows each gave. */
  sources: z.array(z.strictObject({ runId: idSchema, benchmark: idSchema, rows: z.number().int().nonnegative() })),
  counts: z.strictObject({
    rows: z.number().int().nonnegative(),
    tasks: z.number().int().nonnegative(),
    attemptsRead: z.number().int().nonnegative(),
    resolved: z.number().int().nonnegative(),
    unresolved: z.number().int().nonnegative(),
    /** Attempts left out: on the holdout split; of a task that is on the holdout split in any run; with no verdict. */
    excluded: z.strictObject({
      holdout: z.number().int().nonnegative(),
      holdoutTask: z.number().int().nonnegative(),
      unjudged: z.number().int().nonnegative(),
    }),
  }),
  inputs: z.enum(['included', 'not included']),
  splitGuarantee: z.string(),
});
export type Datasheet = z.infer<typeof datasheetSchema>;
