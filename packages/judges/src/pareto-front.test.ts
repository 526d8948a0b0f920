import type { ObjectiveScore, Verdict } from '@ratchet/corpus';
import { describe, expect, it } from 'vitest';
import { IncomparableScoresError } from './incomparable-scores-error';
import { paretoFront } from './pareto-front';

const max = (value: number | null): ObjectiveScore => ({ value, direction: 'maximize' });
const min = (value: number | null): ObjectiveScore => ({ value, direction: 'minimize' });
const verdict = (correct: number, usd: number | null): Verdict => ({
  judge: { id: 'j' },
  resolved: correct === 1,
  scores: { correct: max(correct), usd: min(usd) },
  judgedAt: '2026-01-01T00:00:00.000Z',
});

describe('paretoFront', () => {
  it('keeps the non-dominated items in input order', () => {
    const arms = [
      { arm: 'a', scores: { correct: max(0.6), usd: min(1) } },
      { arm: 'b', scores: { correct: max(0.8), usd: min(3) } },
      { arm: 'c', scores: { correct: max(0.5), usd: min(2) } }, // dominated by a
      { arm: 'd', scores: { correct: max(0.9), usd: min(3) } }, // dominates b
      { arm: 'e', scores: { correct: max(0.4), usd: min(0.5) } },
    ];
    expect(paretoFront(arms, (item) => item.scores).map((item) => item.arm)).toEqual(['a', 'd', 'e']);
  });

  it('works on verdicts and keeps ties', () => {
    const verdicts = [verdict(1, 0.5), verdict(1, 0.5), verdict(0, 0.7)];
    expect(paretoFront(verdicts, (v) => v.scores)).toEqual([verdicts[0], verdicts[1]]);
  });

  it('keeps an item with an unmeasured cost that no measured item can be shown to beat', () => {
    const verdicts = [verdict(1, 0.1), verdict(0, null), verdict(0, 0.2)];
    expect(paretoFront(verdicts, (v) => v.scores)).toEqual([verdicts[0], verdicts[1]]);
  });

  it('returns nothing for no items and the item itself for one', () => {
    expect(paretoFront([], () => ({}))).toEqual([]);
    expect(paretoFront([verdict(1, 1)], (v) => v.scores)).toHaveLength(1);
  });

  it('names the first item whose objectives differ', () => {
    const items = [{ correct: max(1) }, { correct: max(1) }, { correct: min(1) }];
    expect(() => paretoFront(items, (item) => item)).toThrow(IncomparableScoresError);
    expect(() => paretoFront(items, (item) => item)).toThrow(
      expect.objectContaining({ index: 2, objective: 'correct', problem: 'direction' }),
    );
  });
});
