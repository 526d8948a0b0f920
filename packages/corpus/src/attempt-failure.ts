import { z } from 'zod';

/**
 * How an agent that ran failed, when the worker could tell: it timed out, exited non-zero, was killed
 * by a signal, or threw. An outcome, scored as a failure (docs/design.md rule 4) — never an infra failure,
 * which is the harness's and goes in `infra`.
 */
export const attemptFailureSchema = z.strictObject({
  reason: z.enum(['timeout', 'exit', 'signal', 'error']),
  message: z.string().min(1).max(2000),
  /** The tail of the agent's stderr, when there was one. */
  stderr: z.string().max(4000).optional(),
});
export type AttemptFailure = z.infer<typeof attemptFailureSchema>;
