import { checkResultSchema } from '@ratchet/corpus';
import { z } from 'zod';
import type { Check } from './check';
import { checkNameSchema } from './check-name';
import { InvalidOptionsError } from './invalid-options-error';
import { parseOptions } from './parse-options';

const optionsSchema = z.strictObject({
  name: checkNameSchema.default('clock'),
  /** The wall-time budget of the attempt, in milliseconds. */
  budgetMs: z.number().positive().finite(),
});
export type ClockCheckOptions = z.input<typeof optionsSchema>;

/**
 * Elapsed wall time against a budget. Elapsed time is `context.elapsedMs`, else `context.usage.wallMs`.
 * `passed` is elapsed ≤ budget; `score` is the share of the budget used (above 1 when over). When no
 * elapsed time is known, both are null: unmeasured time is not zero (docs/design.md rule 5).
 *
 * @throws {InvalidOptionsError} when `budgetMs` is not a positive number, or the elapsed time is negative.
 * @example
 * await clockCheck({ budgetMs: 60_000 }).run(output, { elapsedMs: 45_000 });
 * // => { name: 'clock', passed: true, score: 0.75, details: { elapsedMs: 45000, budgetMs: 60000, remainingMs: 15000 } }
 */
export function clockCheck(options: ClockCheckOptions): Check {
  const { name, budgetMs } = parseOptions('clockCheck', optionsSchema, options);
  return {
    name,
    async run(_output, context = {}) {
      const elapsedMs = context.elapsedMs ?? context.usage?.wallMs ?? null;
      if (elapsedMs !== null && !(Number.isFinite(elapsedMs) && elapsedMs >= 0)) {
        throw new InvalidOptionsError({
          functionName: 'clockCheck',
          issues: [{ path: 'context.elapsedMs', message: 'must be a finite number ≥ 0' }],
        });
      }
      if (elapsedMs === null) {
        return checkResultSchema.parse({ name, passed: null, score: null, details: { elapsedMs: null, budgetMs } });
      }
      return checkResultSchema.parse({
        name,
        passed: elapsedMs <= budgetMs,
        score: elapsedMs / budgetMs,
        details: { elapsedMs, budgetMs, remainingMs: budgetMs - elapsedMs },
      });
    },
  };
}
