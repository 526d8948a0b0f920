import type { z } from 'zod';
import { correctObjective, createVerdict } from './create-verdict';
import { InvalidExpectedError } from './invalid-expected-error';
import type { Judge } from './judge';
import { judgeIdentityShape } from './judge-identity';
import { createTextNormalizer, normalizeTextOptionsSchema } from './normalize-text';
import { parseOptions } from './parse-options';

/** The options of `exactMatchJudge`, for configs that name them (with defaults filled in when parsed). */
export const exactMatchJudgeOptionsSchema = normalizeTextOptionsSchema.extend(judgeIdentityShape);
const optionsSchema = exactMatchJudgeOptionsSchema;
export type ExactMatchJudgeOptions = z.input<typeof optionsSchema>;

/**
 * Judges a text output equal to `task.expected` (a string, or an array of accepted strings) after
 * normalisation. Objective: `correct` (1 or 0, maximized). An output that is not a string is not
 * resolved; an `expected` that is neither a string nor a non-empty string array is a task bug.
 *
 * @param options - normalisation (`unicode` NFC by default, `ignoreCase`, `collapseWhitespace`, `trim`
 *   on by default) and the judge's `id` (default `exact-match`) and `version`.
 * @throws {InvalidOptionsError} when an option is invalid.
 * @example
 * const judge = exactMatchJudge({ ignoreCase: true });
 * (await judge.judge({ id: 't1', input: 'Capital of France?', expected: 'Paris' }, ' paris\n')).resolved; // => true
 */
export function exactMatchJudge(options: ExactMatchJudgeOptions = {}): Judge {
  const { id = 'exact-match', version, ...normalization } = parseOptions('exactMatchJudge', optionsSchema, options);
  const normalize = createTextNormalizer(normalization);
  const identity = { id, version };
  return {
    id,
    ...(version === undefined ? {} : { version }),
    async judge(task, output, context) {
      const accepted = typeof task.expected === 'string' ? [task.expected] : task.expected;
      if (!Array.isArray(accepted) || accepted.length === 0 || !accepted.every((item) => typeof item === 'string')) {
        throw new InvalidExpectedError({
          judgeId: id,
          taskId: task.id,
          problem: 'expected a string or a non-empty array of strings',
        });
      }
      if (typeof output !== 'string') {
        return createVerdict(
          {
            judge: identity,
            resolved: false,
            scores: { correct: correctObjective(false) },
            details: { reason: 'output-not-string' },
          },
          context,
        );
      }
      const normalized = normalize(output);
      const matchedIndex = accepted.findIndex((candidate) => normalize(candidate) === normalized);
      const resolved = matchedIndex !== -1;
      return createVerdict(
        {
          judge: identity,
          resolved,
          scores: { correct: correctObjective(resolved) },
          details: resolved ? { reason: 'match', matchedIndex } : { reason: 'mismatch' },
        },
        context,
      );
    },
  };
}
