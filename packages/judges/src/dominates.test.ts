import type { ObjectiveScore } from '@ratchet/corpus';
import { describe, expect, it } from 'vitest';
import { dominates } from './dominates';
import { IncomparableScoresError } from './incomparable-scores-error';

const max = (value: number | null): ObjectiveScore => ({ value, direction: 'maximize' });
const min = (value: number | null): ObjectiveScore => ({ value, direction: 'minimize' });

describe('dominates', () => {
  it('reads each objective in its own direction', () => {
    const cheap = { correct: max(1), usd: min(0.2) };
    const dear = { correct: max(1), usd: min(0.5) };
    expect(dominates(cheap, dear)).toBe(true);
    expect(dominates(dear, cheap)).toBe(false);
  });

  it('needs strict improvement somewhere: equal vectors do not dominate', () => {
    const a = { correct: max(1), wallMs: min(100) };
    expect(dominates(a, { ...a })).toBe(false);
  });

  it('does not order a trade-off either way', () => {
    const accurate = { correct: max(1), usd: min(2) };
    const cheap = { correct: max(0), usd: min(0.1) };
    expect(dominates(accurate, cheap)).toBe(false);
    expect(dominates(cheap, accurate)).toBe(false);
  });

  it('never lets an unmeasured value count as better, or as worse', () => {
    const unknownCost = { correct: max(1), usd: min(null) };
    const knownCost = { correct: max(0), usd: min(5) };
    // Without the cost of the first we cannot say it is at least as good: it might cost more.
    expect(dominates(unknownCost, knownCost)).toBe(false);
    expect(dominates(knownCost, unknownCost)).toBe(false);
  });

  it('ignores an objective unmeasured on both sides', () => {
    expect(dominates({ correct: max(1), usd: min(null) }, { correct: max(0), usd: min(null) })).toBe(true);
  });

  it('throws IncomparableScoresError for different objectives, directions or invalid values', () => {
    expect(() => dominates({ correct: max(1) }, { correct: max(1), usd: min(1) })).toThrow(IncomparableScoresError);
    expect(() => dominates({ correct: max(1), usd: min(1) }, { correct: max(1) })).toThrow(
      /objective "usd" is present/,
    );
    expect(() => dominates({ usd: min(1) }, { usd: max(1) })).toThrow(
      expect.objectContaining({ objective: 'usd', problem: 'direction' }),
    );
    expect(() => dominates({ usd: min(Number.NaN) }, { usd: min(1) })).toThrow(
      expect.objectContaining({ problem: 'value' }),
    );
  });
});
