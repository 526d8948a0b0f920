import { z } from 'zod';
import { createVerdict } from './create-verdict';
import type { Judge, JudgeTask } from './judge';
import { JudgeError } from './judge-error';
import { judgeIdentityShape } from './judge-identity';
import { JudgeInfraError } from './judge-infra-error';
import { parseOptions } from './parse-options';

/** Characters of the rationale kept in a verdict's details. */
const maxRationaleChars = 4000;

/**
 * What an LLM judge's scoring function must return: a score in [0, 1], whether the task is resolved,
 * and a rationale. Unknown extra fields are dropped.
 */
export const llmJudgmentSchema = z.object({
  score: z.number().min(0).max(1),
  resolved: z.boolean(),
  rationale: z.string(),
});
export type LlmJudgment = z.infer<typeof llmJudgmentSchema>;

/** Asks a model to score an output; its answer is validated against `llmJudgmentSchema`. */
export type ScoringFunction = (task: JudgeTask, output: unknown, options: { signal?: AbortSignal }) => Promise<unknown>;

const optionsSchema = z.strictObject({
  ...judgeIdentityShape,
  /** The scoring function: the LLM call (written later, against a real SDK). */
  score: z.custom<ScoringFunction>((value) => typeof value === 'function', 'must be a function'),
});
export type LlmJudgeOptions = z.input<typeof optionsSchema>;

/**
 * A judge built from a scoring function, such as an LLM call. Its answer is validated with zod: an
 * answer that does not match `llmJudgmentSchema` is a `JudgeInfraError` (`judge-output-invalid`,
 * retryable), never a score. Objective: `score` (maximized); details carry the rationale (first 4000
 * characters). Check such a judge with `measureJudgeStability` before trusting it.
 *
 * @throws {InvalidOptionsError} when `score` is not a function or the id is invalid.
 * @example
 * const judge = llmJudge({ id: 'rubric-v1', score: async (task, output) => askModel(task, output) });
 * await judge.judge(task, 'The answer is 42.');
 * // => { resolved: true, scores: { score: { value: 0.9, direction: 'maximize' } }, details: { rationale: '…' }, … }
 */
export function llmJudge(options: LlmJudgeOptions): Judge {
  const { id = 'llm', version, score } = parseOptions('llmJudge', optionsSchema, options);
  return {
    id,
    ...(version === undefined ? {} : { version }),
    async judge(task, output, context = {}) {
      const infra = (
        reason: 'judge-call-failed' | 'judge-output-invalid' | 'aborted',
        message: string,
        cause?: unknown,
      ) => new JudgeInfraError({ source: id, reason, message, isRetryable: reason !== 'aborted', cause });
      if (context.signal?.aborted) throw infra('aborted', 'the judging call was aborted by the caller.');
      let answer: unknown;
      try {
        answer = await score(task, output, context.signal === undefined ? {} : { signal: context.signal });
      } catch (error) {
        if (JudgeError.isInstance(error)) throw error;
        if (context.signal?.aborted) throw infra('aborted', 'the judging call was aborted by the caller.', error);
        throw infra('judge-call-failed', `the scoring function threw on task ${task.id}; retry the call.`, error);
      }
      const parsed = llmJudgmentSchema.safeParse(answer);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
        throw infra(
          'judge-output-invalid',
          `the scoring function's answer on task ${task.id} does not match { score: number in [0, 1], resolved: boolean, rationale: string } (${issues.join('; ')}).`,
          parsed.error,
        );
      }
      return createVerdict(
        {
          judge: { id, version },
          resolved: parsed.data.resolved,
          scores: { score: { value: parsed.data.score, direction: 'maximize' } },
          details: { rationale: parsed.data.rationale.slice(0, maxRationaleChars) },
        },
        context,
      );
    },
  };
}
