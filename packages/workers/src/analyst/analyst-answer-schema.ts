import { z } from 'zod';

/**
 * What the analyst model is asked for, as structured output: findings, each a claim, the evidence for
 * it and the indices of the trace events it rests on. Plain types only, every field required: the
 * subset every provider's structured-output mode accepts (OpenAI's strict mode refuses length limits).
 */
export const analystAnswerSchema = z.strictObject({
  findings: z.array(
    z.strictObject({
      claim: z.string().describe('one concrete, checkable observation about the attempt'),
      evidence: z.string().describe('what in the trace shows it: a short quote or description'),
      events: z.array(z.number()).describe('indices (#n) of the trace events it rests on'),
    }),
  ),
});

/** The answer as accepted: the same shape, with the limits the wire schema cannot carry. */
export const acceptedAnswerSchema = z.strictObject({
  findings: z.array(
    z.strictObject({
      claim: z.string().trim().min(1, 'a finding has an empty claim').max(1000),
      evidence: z.string().max(4000),
      events: z.array(z.int().nonnegative()),
    }),
  ),
});

export type AnalystAnswer = z.infer<typeof acceptedAnswerSchema>;
