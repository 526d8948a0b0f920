import type { ContrastSummary } from '@ratchet/runtime';
import { describe, expect, it } from 'vitest';
import { contrastReading } from './contrast-reading';

const contrast = (figures: Partial<ContrastSummary>): ContrastSummary => ({
  name: 'steering',
  family: 'decomposition',
  primary: true,
  test: 'bootstrap',
  baseline: 'random@4',
  candidate: 'refine@4',
  n: 100,
  estimate: 0.06,
  low: 0.01,
  high: 0.12,
  pValue: 0.032,
  qValue: 0.032,
  excluded: { infra: 0, unmeasured: 0, unpaired: 0 },
  ...figures,
});

describe('contrastReading', () => {
  it('says the candidate wins only when the whole interval is above zero', () => {
    expect(contrastReading(contrast({}))).toBe(
      'steering: refine@4 beats random@4, +6.0 points (95% CI +1.0 – +12.0, p 0.032, 100 tasks).',
    );
  });

  it('says worse when the whole interval is below zero', () => {
    expect(contrastReading(contrast({ estimate: -0.1, low: -0.18, high: -0.02, pValue: 0.01 }))).toBe(
      'steering: refine@4 is worse than random@4, -10.0 points (95% CI -18.0 – -2.0, p 0.010, 100 tasks).',
    );
  });

  it('reads an interval across zero as no clear difference, with its range', () => {
    expect(contrastReading(contrast({ n: 40, estimate: 0, low: -0.075, high: 0.075, pValue: 1 }))).toBe(
      'steering: no clear difference, +0.0 points (95% CI -7.5 – +7.5, p 1.000, 40 tasks); the interval allows anything from -7.5 to +7.5 points — more tasks would narrow it.',
    );
  });

  it('reads a zero-width interval as what it is, not as certainty', () => {
    expect(contrastReading(contrast({ n: 30, estimate: 0, low: 0, high: 0, pValue: 1 }))).toBe(
      'steering: +0.0 points on 30 paired tasks, where both arms had the same outcome on every one of them, so the interval has zero width (+0.0 – +0.0); it describes these tasks only — tasks that tell the arms apart would say more.',
    );
    expect(contrastReading(contrast({ n: 5, estimate: 1, low: 1, high: 1, pValue: 0.06 }))).toContain(
      'where every one differed by +100.0 points, so the interval has zero width',
    );
  });

  it('names the exact test when the contrast used it', () => {
    expect(
      contrastReading(contrast({ n: 12, test: 'mcnemar-exact', estimate: 0.5, low: 0.12, high: 0.75, pValue: 0.008 })),
    ).toBe(
      "steering: refine@4 beats random@4, +50.0 points (95% CI +12.0 – +75.0, McNemar's exact test, p 0.008, 12 tasks).",
    );
  });

  it('reads nothing into a contrast it could not estimate', () => {
    expect(contrastReading(contrast({ n: 0, test: null, estimate: null, low: null, high: null, pValue: null }))).toBe(
      'steering: not measured — 0 paired task(s) is too few to estimate it.',
    );
  });
});
