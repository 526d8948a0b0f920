import { describe, expect, it } from 'vitest';
import { InvalidOptionsError } from './invalid-options-error';
import type { JudgeTask } from './judge';
import { JudgeInfraError } from './judge-infra-error';
import { llmJudge } from './llm-judge';

const task: JudgeTask = { id: 'essay', input: 'Explain recursion.' };

describe('llmJudge', () => {
  it('turns a valid judgment into a verdict with a score objective and the rationale', async () => {
    const judge = llmJudge({
      id: 'rubric',
      version: '1',
      score: async () => ({ score: 0.8, resolved: true, rationale: 'Clear base case.', tokens: 12 }),
    });
    const verdict = await judge.judge(task, 'A function that calls itself…', { now: () => new Date(0) });
    expect(verdict).toEqual({
      judge: { id: 'rubric', version: '1' },
      resolved: true,
      scores: { score: { value: 0.8, direction: 'maximize' } },
      details: { rationale: 'Clear base case.' },
      judgedAt: '1970-01-01T00:00:00.000Z',
    });
  });

  it('passes the task, the output and the abort signal to the scoring function', async () => {
    const calls: unknown[] = [];
    const signal = new AbortController().signal;
    const judge = llmJudge({
      score: async (...args) => {
        calls.push(args);
        return { score: 0, resolved: false, rationale: 'none' };
      },
    });
    await judge.judge(task, 'out', { signal });
    expect(calls).toEqual([[task, 'out', { signal }]]);
  });

  it('throws a retryable judge-output-invalid for an answer outside the schema', async () => {
    const judge = llmJudge({ score: async () => ({ score: 1.3, resolved: 'yes' }) });
    const error = await judge.judge(task, 'x').catch((caught: unknown) => caught);
    expect(JudgeInfraError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ reason: 'judge-output-invalid', isRetryable: true, source: 'llm' });
    expect((error as Error).message).toMatch(/score: Too big.*resolved: Invalid input.*rationale: Invalid input/);
  });

  it('throws a retryable judge-call-failed when the scoring function throws, keeping the cause', async () => {
    const cause = new Error('429 rate limited');
    const error = await llmJudge({
      score: async () => {
        throw cause;
      },
    })
      .judge(task, 'x')
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ reason: 'judge-call-failed', isRetryable: true, cause });
  });

  it('throws aborted, not retryable, when the signal has fired', async () => {
    const controller = new AbortController();
    controller.abort();
    const judge = llmJudge({ score: async () => ({ score: 1, resolved: true, rationale: 'r' }) });
    await expect(judge.judge(task, 'x', { signal: controller.signal })).rejects.toMatchObject({
      reason: 'aborted',
      isRetryable: false,
    });
  });

  it('truncates a long rationale in the details', async () => {
    const judge = llmJudge({ score: async () => ({ score: 1, resolved: true, rationale: 'r'.repeat(10_000) }) });
    expect(((await judge.judge(task, 'x')).details as { rationale: string }).rationale).toHaveLength(4000);
  });

  it('refuses a scoring function that is not a function', () => {
    expect(() => llmJudge({ score: 'gpt' as never })).toThrow(InvalidOptionsError);
    expect(() => llmJudge({ score: 'gpt' as never })).toThrow(/score: must be a function/);
  });
});
