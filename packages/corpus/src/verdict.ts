import { z } from 'zod';
import { idSchema, jsonValueSchema, timestampSchema } from './common-schemas';

/** Whether more of an objective is better (`maximize`: correct, coverage) or worse (`minimize`: usd, wallMs). */
export const objectiveDirectionSchema = z.enum(['maximize', 'minimize']);
export type ObjectiveDirection = z.infer<typeof objectiveDirectionSchema>;

/** One named objective of a score vector; `value` is null when the judge could not measure it. */
export const objectiveScoreSchema = z.strictObject({
  value: z.number().finite().nullable(),
  direction: objectiveDirectionSchema,
});
export type ObjectiveScore = z.infer<typeof objectiveScoreSchema>;

/**
 * A judge's verdict on one output: a score vector of named objectives, whether the task counts as
 * resolved, and details. Write-only (docs/design.md rule 1): recorded and reported, never fed back.
 */
export const verdictSchema = z.strictObject({
  judge: z.strictObject({ id: idSchema, version: z.string().min(1).max(200).optional() }),
  resolved: z.boolean(),
  scores: z.record(z.string().min(1).max(100), objectiveScoreSchema),
  details: jsonValueSchema.optional(),
  judgedAt: timestampSchema,
});
export type Verdict = z.infer<typeof verdictSchema>;
