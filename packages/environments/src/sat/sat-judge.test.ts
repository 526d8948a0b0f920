import { unmeasuredUsage } from '@ratchet/corpus';
import { describe, expect, it } from 'vitest';
import { satJudge } from './sat-judge';

const task = { id: 't', input: { variables: 3, clauses: [[1, 2], [-1, 3], [-3]] } };
const usage = { ...unmeasuredUsage, workUnits: 812, wallMs: 4 };

describe('satJudge', () => {
  it('resolves an assignment that satisfies every clause and records the flips used', async () => {
    const verdict = await satJudge().judge(task, '010', { usage });
    expect(verdict.resolved).toBe(true);
    expect(verdict.scores).toMatchObject({
      correct: { value: 1, direction: 'maximize' },
      unsatisfied: { value: 0, direction: 'minimize' },
      flips: { value: 812, direction: 'minimize' },
      wallMs: { value: 4, direction: 'minimize' },
    });
  });

  it('does not resolve an assignment with an unsatisfied clause, nor a malformed output', async () => {
    const judge = satJudge();
    expect((await judge.judge(task, [true, true, true])).scores.unsatisfied).toEqual({
      value: 1,
      direction: 'minimize',
    });
    const malformed = await judge.judge(task, { assignment: '010' });
    expect(malformed.resolved).toBe(false);
    expect(malformed.scores.unsatisfied?.value).toBeNull();
    expect(malformed.scores.flips?.value).toBeNull();
  });
});
