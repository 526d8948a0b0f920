import { describe, expect, it } from 'vitest';
import type { AutoloopState, IterationOutcome } from '../autoloop-types';
import { type HandoffArgs, handoffMarkdown } from './handoff-markdown';

const settings: HandoffArgs['settings'] = {
  maxIterations: 10,
  maxCostUsd: 5,
  plateauWindow: 3,
  maxConsecutiveErrors: 3,
  minImprovement: 0,
};

/** Three iterations by hand: a keep, a failure, and a reject whose lift rounds to zero. */
const state: AutoloopState = {
  schema_version: 1,
  target: 'examples/dsl-controller',
  iterations_completed: 3,
  max_iterations: 10,
  total_cost_usd: 1.25,
  max_cost_usd: 5,
  score_history: [
    {
      iteration: 1,
      weighted_score: 0.0421,
      decision: 'keep',
      candidate_id: '9f2c4e1ab7d03355',
      ci: [0.0104, 0.0738],
      target_hash: 'h1',
      spend_usd: 0.5,
    },
    {
      iteration: 2,
      weighted_score: null,
      decision: 'error',
      candidate_id: null,
      ci: null,
      target_hash: 'h1',
      spend_usd: null,
    },
    {
      iteration: 3,
      weighted_score: -0.0002,
      decision: 'reject',
      candidate_id: 'c3',
      ci: [-0.031, 0.0306],
      target_hash: 'h1',
      spend_usd: 0.75,
    },
  ],
  plateau_counter: 2,
  consecutive_errors: 0,
  status: 'running',
  stop_reason: null,
  last_failure_trace: null,
  next_run_at: null,
  started_at: '2026-12-01T12:00:00.000Z',
  updated_at: '2026-12-01T12:30:00.000Z',
};

const rejected: IterationOutcome = {
  decision: 'reject',
  candidateId: 'c3',
  targetHash: 'h1',
  score: { estimate: -0.0002, low: -0.031, high: 0.0306 },
  spendUsd: 0.75,
  cells: 40,
  failure: null,
  summary: 'Raised the refine budget to 4 attempts.\nThe lift was within noise.',
};

describe('handoffMarkdown', () => {
  it('writes Decided, Rejected, Scores and Remaining for a rejected iteration', () => {
    expect(handoffMarkdown({ iteration: 3, outcome: rejected, state, settings })).toBe(`# Autoloop handoff: iteration 3

Target: \`examples/dsl-controller\`

## Decided

Iteration 3 kept nothing.

Kept so far:
- iteration 1: \`9f2c4e1ab7d0\`, lift +0.042 CI [+0.010, +0.074] (why: handoffs/iteration-1.md)

## Rejected

Iteration 3 rejected candidate \`c3\`: gated lift 0.000, CI [-0.031, +0.031].

> Raised the refine budget to 4 attempts.
> The lift was within noise.

Earlier:
- iteration 2: failed

## Scores

| iteration | decision | candidate | gated lift | CI | spend |
|---:|---|---|---:|---|---:|
| 1 | keep | \`9f2c4e1ab7d0\` | +0.042 | [+0.010, +0.074] | $0.50 |
| 2 | error | — | — | — | not metered |
| 3 | reject | \`c3\` | 0.000 | [-0.031, +0.031] | $0.75 |

## Remaining

- Iterations: 3 of 10 done; 7 left.
- Dollars: $1.25 spent of $5.00; $3.75 left (1 of 3 iterations metered no spend).
- Plateau: 2 of 3 iterations without a kept candidate whose CI lower bound exceeds 0.000.
- Consecutive errors: 0 of 3.
- Status: running.
`);
  });

  it('puts a kept candidate under Decided with its full id and why', () => {
    const kept = state.score_history.slice(0, 1);
    const markdown = handoffMarkdown({
      iteration: 1,
      outcome: {
        ...rejected,
        decision: 'keep',
        candidateId: '9f2c4e1ab7d03355',
        score: { estimate: 0.0421, low: 0.0104, high: 0.0738 },
        summary: 'Shorter steers after a failing check.',
      },
      state: { ...state, iterations_completed: 1, score_history: kept, total_cost_usd: 0.5 },
      settings,
    });
    expect(markdown).toContain(
      '## Decided\n\nIteration 1 kept candidate `9f2c4e1ab7d03355`: gated lift +0.042, CI [+0.010, +0.074].\n\n> Shorter steers after a failing check.',
    );
    expect(markdown).toContain('## Rejected\n\nNothing has been rejected yet.');
  });

  it('reports a failed iteration with the first line of its failure, and no cap', () => {
    const markdown = handoffMarkdown({
      iteration: 2,
      outcome: {
        ...rejected,
        decision: 'error',
        candidateId: null,
        score: null,
        spendUsd: null,
        summary: '',
        failure: 'Error: worker crashed\n    at run (x.ts:1:1)',
      },
      state: {
        ...state,
        iterations_completed: 2,
        score_history: state.score_history.slice(0, 2),
        consecutive_errors: 1,
        next_run_at: '2026-12-01T13:00:00.000Z',
      },
      settings: { ...settings, maxCostUsd: null },
    });
    expect(markdown).toContain(
      "Iteration 2 failed before making a candidate: nothing reached the gate.\n\nFailure: Error: worker crashed (the full trace is the state's `last_failure_trace`).",
    );
    expect(markdown).toContain('- Dollars: $1.25 spent; no cap (1 of 2 iterations metered no spend).');
    expect(markdown).toContain('- Consecutive errors: 1 of 3.');
    expect(markdown).toContain('- Next run at: 2026-12-01T13:00:00.000Z.');
  });

  it('says so when there is no history yet', () => {
    const markdown = handoffMarkdown({
      iteration: 0,
      outcome: { ...rejected, decision: 'error', summary: '', failure: null },
      state: { ...state, iterations_completed: 0, score_history: [], total_cost_usd: 0 },
      settings,
    });
    expect(markdown).toContain('## Scores\n\nNo iteration yet.');
    expect(markdown).toContain('No candidate has been kept yet.');
  });
});
