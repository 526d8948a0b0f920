import { describe, expect, it } from 'vitest';
import { assertOptimizationUpdate } from './assert-optimization-update';
import { RecordConflictError } from './record-conflict-error';
import { buildOptimizationRecord } from './test';

describe('assertOptimizationUpdate', () => {
  it('lets the lifecycle and progress change: status, end, stop reason and detail, best, spend, resume command', () => {
    const started = buildOptimizationRecord();
    const ended = {
      ...started,
      status: 'interrupted' as const,
      endedAt: '2026-01-01T02:00:00.000Z',
      stopReason: 'budget-usd' as const,
      stopDetail: 'spent 5.02 of 5 dollars',
      best: { id: 'default', hash: 'decade' },
      spend: { cells: 380, usd: 5.02 },
      resumeCommand: 'ratchet optimize --resume opt-1',
    };
    expect(() => assertOptimizationUpdate(started, ended)).not.toThrow();
  });

  it('refuses a change to what defines the search, listing every frozen field that changed', () => {
    const started = buildOptimizationRecord();
    const moved = { ...started, seed: '8', budget: { cells: 800, usd: null }, status: 'completed' as const };
    expect(() => assertOptimizationUpdate(started, moved)).toThrow(RecordConflictError);
    expect(() => assertOptimizationUpdate(started, moved)).toThrow(
      'a different optimization with id "opt-1" is already in the corpus (fields frozen when the optimization started changed: budget, seed); the stored optimization was kept',
    );
  });

  it('counts a frozen optional field added later as a change', () => {
    const started = buildOptimizationRecord();
    expect(() => assertOptimizationUpdate(started, buildOptimizationRecord({ commitSha: 'abc1234' }))).toThrow(
      /frozen when the optimization started changed: commitSha/,
    );
  });
});
