import { z } from 'zod';
import { correctObjective, createVerdict } from './create-verdict';
import { InvalidExpectedError } from './invalid-expected-error';
import type { Judge } from './judge';
import { judgeIdentityShape } from './judge-identity';
import { parseNumber } from './parse-number';
import { parseOptions } from './parse-options';

/** The options of `numericJudge`, for configs that name them (with defaults filled in when parsed). */
export const numericJudgeOptionsSchema = z.strictObject({
  ...judgeIdentityShape,
  /** Largest accepted |output − expected| (default 0). */
  absoluteTolerance: z.number().finite().nonnegative().default(0),
  /** Largest accepted |output − expected| as a share of |expected| (default 0). */
  relativeTolerance: z.number().finite().nonnegative().default(0),
  /** `strict` (default): the whole output is one number; `last-number`: the last number in the text. */
  parse: z.enum(['strict', 'last-number']).default('strict'),
});
const optionsSchema = numericJudgeOptionsSchema;
export type NumericJudgeOptions = z.input<typeof optionsSchema>;

/**
 * Judges a numeric output against `task.expected` (a finite number or a numeric string) within a
 * tolerance: resolved when |output − expected| ≤ max(absoluteTolerance, relativeTolerance · |expected|),
 * the rule of Python's `math.isclose` with the relative term taken on the expected value only.
 * Objectives: `correct` (1 or 0, maximized) and `absoluteError` (minimized, null when the output holds
 * no number).
 *
 * @throws {InvalidOptionsError} when a tolerance is negative or not finite.
 * @example
 * const judge = numericJudge({ relativeTolerance: 0.01 });
 * (await judge.judge({ id: 't1', input: 'pi?', expected: 3.14159 }, '3.14')).resolved; // => true
 */
export function numericJudge(options: NumericJudgeOptions = {}): Judge {
  const parsed = parseOptions('numericJudge', optionsSchema, options);
  const { id = 'numeric', version } = parsed;
  return {
    id,
    ...(version === undefined ? {} : { version }),
    async judge(task, output, context) {
      const expected = parseNumber(task.expected, 'strict');
      if (expected === null) {
        throw new InvalidExpectedError({ judgeId: id, taskId: task.id, problem: 'expected a finite number' });
      }
      const actual = parseNumber(output, parsed.parse);
      const difference = actual === null ? null : Math.abs(actual - expected);
      const absoluteError = difference !== null && Number.isFinite(difference) ? difference : null;
      const allowed = Math.max(parsed.absoluteTolerance, parsed.relativeTolerance * Math.abs(expected));
      const resolved = absoluteError !== null && absoluteError <= allowed;
      return createVerdict(
        {
          judge: { id, version },
          resolved,
          scores: {
            correct: correctObjective(resolved),
            absoluteError: { value: absoluteError, direction: 'minimize' },
          },
          details:
            actual === null
              ? { reason: 'no-number' }
              : { ...(resolved ? {} : { reason: 'mismatch' }), actual, expected, allowed },
        },
        context,
      );
    },
  };
}
