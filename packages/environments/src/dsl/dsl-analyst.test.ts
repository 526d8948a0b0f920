import { type CheckResult, unmeasuredUsage } from '@ratchet/corpus';
import type { AttemptView, TraceEvent } from '@ratchet/runtime';
import { describe, expect, it } from 'vitest';
import { dslAnalyst } from './dsl-analyst';

function attempt(events: TraceEvent[], checks: CheckResult[]): AttemptView {
  return {
    attemptId: 'a0',
    index: 0,
    steer: null,
    from: null,
    output: '(sum xs)',
    events,
    checks,
    usage: { ...unmeasuredUsage, wallMs: 5 },
    failure: null,
    continuable: true,
  };
}

const failingCheck: CheckResult = {
  name: 'visible-examples',
  passed: false,
  score: 1 / 3,
  details: {
    passed: 1,
    total: 3,
    failing: [
      { example: 0, input: [3, -1, 4], expected: 6, got: 7 },
      { example: 2, input: [-2, 5, 9, 1], expected: 13, got: 15 },
    ],
  },
};

describe('dslAnalyst', () => {
  it('turns a stalled, budget-spent trace and failing examples into trace findings', async () => {
    const events: TraceEvent[] = [
      { type: 'log', data: { kind: 'start', budget: 20_000, resumedAtStep: null } },
      { type: 'search', data: { kind: 'stall', step: 20_000, since: 6_000, size: 4, depth: 3, score: 0.33 } },
      {
        type: 'output',
        data: {
          program: '(sum xs)',
          solved: false,
          exhausted: false,
          steps: 20_000,
          budget: 20_000,
          size: 4,
          totalSteps: 20_000,
        },
      },
    ];
    const findings = await dslAnalyst().observe(attempt(events, [failingCheck]), []);
    expect(findings.map((f) => f.claim)).toEqual([
      '2 visible examples still failing: both involve negative numbers',
      'search stalled at depth 3 (programs of size 4): 14000 steps without improving the best visible score (0.33)',
      'the step budget (20000) ran out while enumerating programs of size 4',
    ]);
    expect(findings[0]?.evidence).toEqual({ kind: 'failing-examples', examples: [0, 2], features: ['negative'] });
    expect(findings.every((f) => f.origin === 'trace')).toBe(true);
  });

  it('is free: rules over the trace, no model, so its calls cost only time', () => {
    expect(dslAnalyst().free).toBe(true);
  });

  it('reports an exhausted depth limit, and nothing for a clean pass', async () => {
    const events: TraceEvent[] = [
      { type: 'log', data: { kind: 'start' } },
      { type: 'search', data: { kind: 'exhausted', step: 140, size: 3, maxDepth: 1 } },
    ];
    const findings = await dslAnalyst().observe(attempt(events, []), []);
    expect(findings.map((f) => f.claim)).toEqual([
      'search exhausted every program within depth limit 1 after 140 steps',
    ]);
    const passed: CheckResult = { name: 'visible-examples', passed: true, score: 1, details: { failing: [] } };
    expect(await dslAnalyst().observe(attempt([], [passed]), [])).toEqual([]);
  });
});
