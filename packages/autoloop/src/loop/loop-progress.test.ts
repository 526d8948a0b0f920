import { describe, expect, it } from 'vitest';
import { formatLoopProgress, type LoopProgress } from './loop-progress';

const progress: LoopProgress = {
  iteration: 2,
  decision: 'keep',
  counted: true,
  score: { estimate: 0.041, low: 0.012, high: 0.07 },
  spendUsd: 0.6,
  totalCostUsd: 1.2,
  maxCostUsd: 50,
  iterationsCompleted: 2,
  maxIterations: 5,
  plateauCounter: 0,
  plateauWindow: 3,
  consecutiveErrors: 0,
  maxConsecutiveErrors: 3,
  stop: null,
};

describe('formatLoopProgress', () => {
  it('prints decision, estimate with CI, spend against the cap and the counters', () => {
    expect(formatLoopProgress(progress)).toBe(
      'iteration 2/5 keep  lift +0.041 [+0.012, +0.070]  spend $1.20 of $50.00  plateau 0/3  errors 0/3',
    );
  });

  it('says when nothing reached the gate, there is no cap, and which rule stopped the loop', () => {
    const line = formatLoopProgress({
      ...progress,
      decision: 'error',
      score: null,
      maxCostUsd: null,
      stop: { rule: 'consecutive_errors', reason: 'consecutive_errors: 3 failed iterations in a row (limit 3)' },
    });
    expect(line).toBe(
      'iteration 2/5 error  no gated lift  spend $1.20 of no cap  plateau 0/3  errors 0/3  stop: consecutive_errors: 3 failed iterations in a row (limit 3)',
    );
  });
});
