import { unmeasuredUsage } from '@ratchet/corpus';
import { describe, expect, it } from 'vitest';
import { clockCheck } from './clock-check';
import { InvalidOptionsError } from './invalid-options-error';

describe('clockCheck', () => {
  it('passes within the budget and scores the share used', async () => {
    expect(await clockCheck({ budgetMs: 60_000 }).run('out', { elapsedMs: 45_000 })).toEqual({
      name: 'clock',
      passed: true,
      score: 0.75,
      details: { elapsedMs: 45_000, budgetMs: 60_000, remainingMs: 15_000 },
    });
  });

  it('fails over the budget, with a share above 1', async () => {
    const result = await clockCheck({ budgetMs: 1000, name: 'turn-clock' }).run(null, { elapsedMs: 1500 });
    expect(result).toMatchObject({ name: 'turn-clock', passed: false, score: 1.5, details: { remainingMs: -500 } });
  });

  it('falls back to metered wall time', async () => {
    const result = await clockCheck({ budgetMs: 1000 }).run(null, { usage: { ...unmeasuredUsage, wallMs: 250 } });
    expect(result.score).toBe(0.25);
  });

  it('reports null, not zero, when no time was measured', async () => {
    expect(await clockCheck({ budgetMs: 1000 }).run(null, { usage: unmeasuredUsage })).toEqual({
      name: 'clock',
      passed: null,
      score: null,
      details: { elapsedMs: null, budgetMs: 1000 },
    });
  });

  it('refuses a non-positive budget and a negative elapsed time', async () => {
    expect(() => clockCheck({ budgetMs: 0 })).toThrow(InvalidOptionsError);
    await expect(clockCheck({ budgetMs: 10 }).run(null, { elapsedMs: -1 })).rejects.toThrow(/context\.elapsedMs/);
  });
});
