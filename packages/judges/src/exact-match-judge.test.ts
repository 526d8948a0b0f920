import { unmeasuredUsage } from '@ratchet/corpus';
import { describe, expect, it } from 'vitest';
import { exactMatchJudge } from './exact-match-judge';
import { InvalidExpectedError } from './invalid-expected-error';
import { InvalidOptionsError } from './invalid-options-error';

const now = () => new Date('2026-11-22T10:00:00.000Z');
const task = (expected: unknown) => ({ id: 'capital', input: 'Capital of France?', expected });

describe('exactMatchJudge', () => {
  it('resolves an output equal after trimming and NFC, and stamps the verdict', async () => {
    const verdict = await exactMatchJudge().judge(task('Caf\u00e9'), '  Cafe\u0301\n', { now });
    expect(verdict).toEqual({
      judge: { id: 'exact-match' },
      resolved: true,
      scores: { correct: { value: 1, direction: 'maximize' } },
      details: { reason: 'match', matchedIndex: 0 },
      judgedAt: '2026-11-22T10:00:00.000Z',
    });
  });

  it('is case-sensitive unless told otherwise', async () => {
    expect((await exactMatchJudge().judge(task('Paris'), 'paris')).resolved).toBe(false);
    expect((await exactMatchJudge({ ignoreCase: true }).judge(task('Paris'), 'PARIS')).resolved).toBe(true);
  });

  it('collapses inner whitespace only when asked', async () => {
    expect((await exactMatchJudge().judge(task('New York'), 'New   York')).resolved).toBe(false);
    expect((await exactMatchJudge({ collapseWhitespace: true }).judge(task('New York'), 'New \n York')).resolved).toBe(
      true,
    );
  });

  it('accepts any of several expected answers and says which matched', async () => {
    const verdict = await exactMatchJudge({ ignoreCase: true }).judge(task(['NYC', 'New York City']), 'new york city');
    expect(verdict.details).toEqual({ reason: 'match', matchedIndex: 1 });
  });

  it('scores a non-string output as unresolved rather than coercing it', async () => {
    const verdict = await exactMatchJudge().judge(task('42'), 42);
    expect(verdict.resolved).toBe(false);
    expect(verdict.scores.correct?.value).toBe(0);
    expect(verdict.details).toEqual({ reason: 'output-not-string' });
  });

  it('adds usage objectives from a metered context, keeping unknown cost null', async () => {
    const usage = { ...unmeasuredUsage, wallMs: 1500 };
    const verdict = await exactMatchJudge({ id: 'em', version: '2' }).judge(task('a'), 'a', { usage });
    expect(verdict.judge).toEqual({ id: 'em', version: '2' });
    expect(verdict.scores).toEqual({
      correct: { value: 1, direction: 'maximize' },
      wallMs: { value: 1500, direction: 'minimize' },
      usd: { value: null, direction: 'minimize' },
    });
  });

  it('throws InvalidExpectedError for a task without a usable expected answer', async () => {
    const judge = exactMatchJudge();
    await expect(judge.judge(task(undefined), 'x')).rejects.toThrow(InvalidExpectedError);
    await expect(judge.judge(task([]), 'x')).rejects.toThrow(/task capital has an unusable expected value/);
    await expect(judge.judge(task(['a', 1]), 'x')).rejects.toMatchObject({ judgeId: 'exact-match', taskId: 'capital' });
  });

  it('refuses invalid options at construction', () => {
    expect(() => exactMatchJudge({ trim: 'yes' } as never)).toThrow(InvalidOptionsError);
    expect(() => exactMatchJudge({ id: '' })).toThrow(/exactMatchJudge: invalid options — id:/);
  });
});
