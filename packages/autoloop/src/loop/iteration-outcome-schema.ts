import { z } from 'zod';
import type { IterationOutcome } from '../autoloop-types';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');

/**
 * What an orchestrator must return. Checked because its numbers drive the stop rules: a NaN spend would
 * make the cost cap never fire, a CI with low > high would fake an improvement.
 */
export const iterationOutcomeSchema = z.object({
  decision: z.enum(['keep', 'reject', 'error']),
  candidateId: z.string().nullable(),
  targetHash: z.string().nullable(),
  score: z
    .object({ estimate: finite, low: finite, high: finite })
    .refine((s) => s.low <= s.estimate && s.estimate <= s.high, 'must satisfy low ≤ estimate ≤ high')
    .nullable(),
  spendUsd: finite.min(0).nullable(),
  cells: z.number().int().min(0),
  failure: z.string().nullable(),
  summary: z.string(),
}) satisfies z.ZodType<IterationOutcome>;
