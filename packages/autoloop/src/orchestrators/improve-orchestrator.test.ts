import { openCorpus } from '@ratchet/corpus';
import { dialController, dialFamily, scriptedProposer } from '@ratchet/optimizer/test';
import { blind, type Controller } from '@ratchet/runtime';
import { describe, expect, it } from 'vitest';
import type { MeteredIterationContext } from '../loop/metered-context';
import { improveOrchestrator } from './improve-orchestrator';

/** A dial at 7 (every task's best) wins every holdout task the dial at 0 loses: the gate has evidence to promote. */
function setup(proposals: number[]) {
  const dial = dialFamily({ perSplit: 20 });
  let target: Controller = dialController;
  const kept: Array<{ hash: string; iteration: number }> = [];
  // Each proposal rewrites only the component asked for: the dial to the next scripted value, or the note.
  const proposer = scriptedProposer((request, call) => ({
    parameters:
      request.component === 'dial'
        ? { ...request.parent.controller.parameters, dial: proposals[call % proposals.length] as number }
        : { ...request.parent.controller.parameters, note: `note ${call}` },
  }));
  return { dial, kept, proposer, target: () => target, setTarget: (c: Controller) => (target = c) };
}

describe('improveOrchestrator', () => {
  it('keeps a promoted candidate as the next baseline, and rejects one the gate does not promote, on the next unspent holdout', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    const s = setup([7, 7, 7, 7]);
    const orchestrator = improveOrchestrator({
      corpus,
      family: s.dial.family,
      benchmark: 'dial',
      plan: (controller) => blind({ controller }),
      current: async () => s.target(),
      train: s.dial.train,
      val: s.dial.val,
      holdout: async (rotation) => ({ key: `dial rotation=${rotation}`, tasks: s.dial.holdout }),
      search: {
        proposer: s.proposer,
        budget: { iterations: 2 },
        acceptance: { rule: 'strict' },
        minibatch: 6,
        familyConfig: s.dial.config,
      },
      seed: 'loop',
      keep: async (candidate, iteration) => {
        s.kept.push({ hash: candidate.hash, iteration });
        s.setTarget(candidate);
      },
      initialHash: dialController.hash,
    });
    const signal = new AbortController().signal;
    const reported: number[] = [];
    const first = await orchestrator.iterate({
      iteration: 1,
      signal,
      remainingUsd: null,
      onSpend: (usd: number) => reported.push(usd),
    } as MeteredIterationContext);
    expect(first.decision).toBe('keep');
    expect(first.candidateId).toBe(dialController.withParameters({ dial: 7, note: 'begin' }).hash);
    expect(first.targetHash).toBe(first.candidateId);
    expect(s.kept).toEqual([{ hash: first.candidateId, iteration: 1 }]);
    expect(first.score?.low).toBeGreaterThan(0);
    // The dial family meters dollars per attempt: the search's and the gate's together.
    expect(first.spendUsd).toBeGreaterThan(0);
    expect(first.cells).toBeGreaterThan(40);
    // The search's dollars so far reach the engine as it runs (cumulative, never falling), so a cap can cut it short.
    expect(reported.length).toBeGreaterThan(0);
    expect(reported).toEqual([...reported].sort((a, b) => a - b));
    expect(reported.at(-1)).toBeGreaterThan(0);
    expect(reported.at(-1)).toBeLessThanOrEqual(first.spendUsd as number);
    expect(first.summary).toContain('holdout "dial rotation=0"');

    // From dial 7 nothing beats the baseline: no gate, the target unchanged, the holdout not spent.
    const second = await orchestrator.iterate({ iteration: 2, signal, remainingUsd: null });
    expect(second.decision).toBe('reject');
    expect(second.targetHash).toBe(first.candidateId);
    expect(second.score).toBeNull();
    expect(s.kept).toHaveLength(1);
  }, 60_000);
});
