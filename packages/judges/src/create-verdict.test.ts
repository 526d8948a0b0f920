import { unmeasuredUsage } from '@ratchet/corpus';
import { describe, expect, it } from 'vitest';
import { createVerdict } from './create-verdict';
import { usageObjectives } from './usage-objectives';

describe('createVerdict', () => {
  const parts = {
    judge: { id: 'j' },
    resolved: true,
    scores: { correct: { value: 1, direction: 'maximize' as const } },
  };

  it('stamps judgedAt with the context clock and omits absent fields', () => {
    expect(createVerdict(parts, { now: () => new Date(0) })).toEqual({
      judge: { id: 'j' },
      resolved: true,
      scores: { correct: { value: 1, direction: 'maximize' } },
      judgedAt: '1970-01-01T00:00:00.000Z',
    });
  });

  it('refuses a verdict the corpus schema would refuse', () => {
    expect(() =>
      createVerdict({ ...parts, scores: { correct: { value: Number.NaN, direction: 'maximize' } } }),
    ).toThrow();
  });
});

describe('usageObjectives', () => {
  it('turns metered usage into minimized objectives, null where unmeasured', () => {
    expect(usageObjectives({ ...unmeasuredUsage, usd: 0.25, costProvenance: 'measured' })).toEqual({
      wallMs: { value: null, direction: 'minimize' },
      usd: { value: 0.25, direction: 'minimize' },
    });
  });
});
