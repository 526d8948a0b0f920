import { describe, expect, it } from 'vitest';
import type { LoopSettings } from '../autoloop-types';
import { simpleHandoffMarkdown } from './loop-handoff';
import { applyOutcome, createLoopState } from './loop-state';
import { scriptedKeep, scriptedReject } from './scripted-orchestrator';

const settings: LoopSettings = {
  maxIterations: 5,
  maxCostUsd: 20,
  plateauWindow: 3,
  cooldownMinutes: 0,
  mode: 'single-run',
  maxConsecutiveErrors: 3,
  minImprovement: 0,
  dryRun: false,
};

describe('simpleHandoffMarkdown', () => {
  it('writes Decided, Rejected, Scores and Remaining for the iteration', () => {
    const fresh = createLoopState({ target: 't', settings, initialHash: 'h0', now: new Date(0) });
    const kept = applyOutcome(fresh, scriptedKeep('a', { ci: [0.01, 0.05], spendUsd: 2 }), {
      iteration: 1,
      settings,
      now: new Date(0),
    });
    const outcome = scriptedReject('a', { candidateId: 'c2', ci: [-0.02, 0.02], spendUsd: 1.5 });
    const state = applyOutcome(kept, outcome, { iteration: 2, settings, now: new Date(0) });
    const markdown = simpleHandoffMarkdown({ iteration: 2, outcome, state, settings, stop: null });
    expect(markdown).toContain('# Iteration 2: reject\n\n## Decided\n\nNothing was kept; the target is unchanged.');
    expect(markdown).toContain('## Rejected\n\nCandidate c2.');
    expect(markdown).toContain('Gated lift 0.0000 (CI -0.0200 to 0.0200).');
    expect(markdown).toContain('| 1 | keep | 0.0300 | 0.0100 to 0.0500 |');
    expect(markdown).toContain('- spend: $3.50 of $20.00');
    expect(markdown).toContain('- plateau counter: 1 of 3');
    expect(markdown).toContain('- the loop goes on');
  });
});
