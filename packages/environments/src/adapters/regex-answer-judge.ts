import { verdictSchema } from '@ratchet/corpus';
import { InvalidExpectedError, type Judge, usageObjectives } from '@ratchet/judges';

/**
 * Judges a text answer by a regular expression: the fixed `pattern`, or each task's `expected`.
 * A stopgap: `@ratchet/judges` has a `regexJudge` but does not export it yet; once it does, the JSONL
 * adapter should use that and this file should go.
 */
export function regexAnswerJudge(options: {
  id?: string | undefined;
  pattern?: string | undefined;
  flags?: string | undefined;
  fullMatch?: boolean | undefined;
}): Judge {
  const id = options.id ?? 'regex';
  const flags = (options.flags ?? '').replace(/[gy]/g, '');
  const compile = (source: string) => new RegExp(options.fullMatch ? `^(?:${source})$` : source, flags);
  const fixed = options.pattern === undefined ? undefined : compile(options.pattern);
  return {
    id,
    async judge(task, output, context = {}) {
      const regex = fixed ?? patternOf(task.id, task.expected);
      const match = typeof output === 'string' ? regex.exec(output) : null;
      const reason = typeof output !== 'string' ? 'output-not-string' : match === null ? 'no-match' : 'match';
      return verdictSchema.parse({
        judge: { id },
        resolved: match !== null,
        scores: {
          correct: { value: match === null ? 0 : 1, direction: 'maximize' },
          ...(context.usage === undefined ? {} : usageObjectives(context.usage)),
        },
        details: { reason, ...(match === null ? {} : { match: match[0].slice(0, 200) }) },
        judgedAt: (context.now?.() ?? new Date()).toISOString(),
      });
    },
  };

  function patternOf(taskId: string, expected: unknown): RegExp {
    const refuse = (problem: string): never => {
      throw new InvalidExpectedError({ judgeId: id, taskId, problem });
    };
    if (typeof expected !== 'string' || expected === '') return refuse('expected a non-empty pattern string');
    try {
      return compile(expected);
    } catch (error) {
      return refuse(`the pattern does not compile (${(error as Error).message})`);
    }
  }
}
