import { z } from 'zod';
import { correctObjective, createVerdict } from './create-verdict';
import { InvalidExpectedError } from './invalid-expected-error';
import { InvalidOptionsError } from './invalid-options-error';
import type { Judge } from './judge';
import { judgeIdentityShape } from './judge-identity';
import { parseOptions } from './parse-options';

const optionsSchema = z.strictObject({
  ...judgeIdentityShape,
  /** The pattern every output must match; when omitted, each task's `expected` is the pattern. */
  pattern: z.union([z.instanceof(RegExp), z.string().min(1)]).optional(),
  /** Flags for string patterns (`i`, `m`, `s`, `u`, `v`); `g` and `y` are ignored, they make matching stateful. */
  flags: z
    .string()
    .regex(/^[dgimsuvy]*$/, 'must contain only regular expression flags (d g i m s u v y)')
    .optional(),
  /** Require the pattern to match the whole output rather than somewhere inside it. */
  fullMatch: z.boolean().default(false),
});
export type RegexJudgeOptions = z.input<typeof optionsSchema>;

/**
 * Judges a text output by a regular expression: the judge's `pattern`, or each task's `expected` (a
 * RegExp or a pattern string). Objective: `correct` (1 or 0, maximized); details carry the matched text
 * (first 200 characters).
 *
 * @throws {InvalidOptionsError} when an option is invalid or the pattern does not compile.
 * @example
 * const judge = regexJudge({ pattern: /^\d{4}-\d{2}-\d{2}$/ });
 * (await judge.judge({ id: 't1', input: 'today?' }, '2026-11-22')).resolved; // => true
 */
export function regexJudge(options: RegexJudgeOptions = {}): Judge {
  const parsed = parseOptions('regexJudge', optionsSchema, options);
  const { id = 'regex', version } = parsed;
  const fixed =
    parsed.pattern === undefined
      ? undefined
      : compile(parsed.pattern, parsed.flags, parsed.fullMatch, (problem) => {
          throw new InvalidOptionsError({
            functionName: 'regexJudge',
            issues: [{ path: 'pattern', message: problem }],
          });
        });
  return {
    id,
    ...(version === undefined ? {} : { version }),
    async judge(task, output, context) {
      const regex = fixed ?? patternFromTask(task.id, task.expected);
      if (typeof output !== 'string') {
        return createVerdict(
          {
            judge: { id, version },
            resolved: false,
            scores: { correct: correctObjective(false) },
            details: { reason: 'output-not-string' },
          },
          context,
        );
      }
      const match = regex.exec(output);
      return createVerdict(
        {
          judge: { id, version },
          resolved: match !== null,
          scores: { correct: correctObjective(match !== null) },
          details: match === null ? { reason: 'no-match' } : { reason: 'match', match: match[0].slice(0, 200) },
        },
        context,
      );
    },
  };

  function patternFromTask(taskId: string, expected: unknown): RegExp {
    const refuse = (problem: string): never => {
      throw new InvalidExpectedError({ judgeId: id, taskId, problem });
    };
    if (!(expected instanceof RegExp || (typeof expected === 'string' && expected.length > 0))) {
      return refuse('expected a RegExp or a non-empty pattern string (or give the judge a pattern option)');
    }
    return compile(expected, parsed.flags, parsed.fullMatch, refuse);
  }
}

/** Builds a stateless RegExp: drops `g`/`y`, and anchors the whole pattern for a full match. */
function compile(
  pattern: RegExp | string,
  flags: string | undefined,
  fullMatch: boolean,
  onError: (problem: string) => never,
): RegExp {
  const source = pattern instanceof RegExp ? pattern.source : pattern;
  const chosen = (flags ?? (pattern instanceof RegExp ? pattern.flags : '')).replace(/[gy]/g, '');
  try {
    return new RegExp(fullMatch ? `^(?:${source})$` : source, chosen);
  } catch (error) {
    return onError(`does not compile as a regular expression (${(error as Error).message})`);
  }
}
