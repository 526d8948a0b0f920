import { z } from 'zod';
import { correctObjective, createVerdict } from './create-verdict';
import type { Judge } from './judge';
import { judgeIdentityShape } from './judge-identity';
import { parseOptions } from './parse-options';

/** Issues listed in a verdict's details; the count in `schemaIssues` is always complete. */
const maxListedIssues = 20;

const optionsSchema = z.strictObject({
  ...judgeIdentityShape,
  /** The zod schema the output must conform to. */
  schema: z.custom<z.ZodType>(
    // Duck-typed rather than instanceof, so a schema from another copy of zod is accepted.
    (value) => typeof (value as { safeParseAsync?: unknown } | null)?.safeParseAsync === 'function',
    'must be a zod schema',
  ),
  /** Parse a string output as JSON before validating it (default true). */
  parseJson: z.boolean().default(true),
});
export type SchemaJudgeOptions = z.input<typeof optionsSchema>;

/**
 * Judges whether an output conforms to a zod schema (JSON-schema-style conformance). A string output
 * is parsed as JSON first unless `parseJson` is false. Objectives: `correct` (1 or 0, maximized) and
 * `schemaIssues` (the number of issues, minimized; 1 for output that is not JSON). Details list up to
 * 20 issues as `{ path, message }`, never the output's values.
 *
 * @throws {InvalidOptionsError} when `schema` is not a zod schema.
 * @example
 * const judge = schemaJudge({ schema: z.object({ name: z.string(), age: z.number().int() }) });
 * (await judge.judge({ id: 't1', input: 'who?' }, '{"name":"Ada","age":36}')).resolved; // => true
 */
export function schemaJudge(options: SchemaJudgeOptions): Judge {
  const parsed = parseOptions('schemaJudge', optionsSchema, options);
  const { id = 'schema', version, schema } = parsed;
  return {
    id,
    ...(version === undefined ? {} : { version }),
    async judge(_task, output, context) {
      let value: unknown = output;
      if (parsed.parseJson && typeof output === 'string') {
        try {
          value = JSON.parse(output);
        } catch {
          return createVerdict(
            {
              judge: { id, version },
              resolved: false,
              scores: { correct: correctObjective(false), schemaIssues: { value: 1, direction: 'minimize' } },
              details: { reason: 'not-json', issues: [{ path: '', message: 'output is not valid JSON' }] },
            },
            context,
          );
        }
      }
      const result = await schema.safeParseAsync(value);
      const issues = result.success
        ? []
        : result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
      return createVerdict(
        {
          judge: { id, version },
          resolved: result.success,
          scores: {
            correct: correctObjective(result.success),
            schemaIssues: { value: issues.length, direction: 'minimize' },
          },
          details: result.success
            ? { reason: 'conforms' }
            : { reason: 'does-not-conform', issues: issues.slice(0, maxListedIssues) },
        },
        context,
      );
    },
  };
}
