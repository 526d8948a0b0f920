import { openCorpus } from '@ratchet/corpus';
import { blind } from '@ratchet/runtime';
import { describe, expect, it } from 'vitest';
import { mergeProposer } from '../proposers/merge-proposer';
import { noProposerUsage, type Proposer } from '../proposers/proposer';
import { dialController, dialFamily } from '../test/dial-family';
import { gepa } from './gepa';

/** Rewrites the dial down by one, or the note to 'focus': two changes that do not touch each other. */
const twoWays: Proposer = {
  id: 'two-ways',
  reflective: false,
  async propose(request) {
    const parameters = { ...request.parent.controller.parameters };
    if (request.component === 'dial') parameters.dial = Number(parameters.dial) - 1;
    else parameters.note = `focus ${request.parent.iteration}`;
    return { kind: 'proposal', parameters, note: request.component, usage: noProposerUsage };
  },
};

describe('merge steps', () => {
  it('crosses two kept candidates from a common ancestor, taking from each the component it changed', async () => {
    // Dials 6 to 8 always pass: every candidate ties, so the baseline stays the parent and its two
    // components are rewritten in turn — two siblings, ready to merge.
    const dial = dialFamily({ perSplit: 8, plateau: 1 });
    const result = await gepa({
      corpus: await openCorpus('sqlite::memory:'),
      family: dial.family,
      benchmark: 'dial',
      baseline: dialController.withParameters({ dial: 7, note: 'begin' }),
      plan: (controller) => blind({ controller }),
      train: dial.train,
      val: dial.val,
      proposer: twoWays,
      // Accept ties: every change here leaves success near 1, and the test is about what a merge combines.
      acceptance: { rule: 'margin', margin: 0 },
      merge: { proposer: mergeProposer(), every: 3, subsample: 4 },
      budget: { iterations: 6 },
      seed: 8,
    });
    const merges = result.iterations.filter((it) => it.step === 'merge');
    expect(merges.length).toBeGreaterThanOrEqual(1);
    const [merge] = merges;
    expect(merge?.parents).toHaveLength(2);
    expect(merge?.component).toBeNull();
    const [left, right] = (merge?.parents ?? []).map((hash) => result.candidates.find((c) => c.hash === hash));
    const merged = result.candidates.find((c) => c.hash === merge?.proposal);
    // Everything ties at success 1, so the merge does as well as the better parent and is kept.
    expect(merge?.outcome).toBe('accepted');
    // Each side's change survives in the child: the dial of the one that moved it, the note of the other.
    const changedDial = [left, right].find((side) => side?.changed.includes('dial'));
    const changedNote = [left, right].find((side) => side?.changed.includes('note'));
    expect(merged?.controller.parameters).toEqual({
      dial: changedDial?.controller.parameters.dial,
      note: changedNote?.controller.parameters.note,
    });
    expect(merged?.parents).toEqual(merge?.parents);
    expect(merged?.origin).toBe('merge');
    // Judged on a stratified val subsample of 4 first, then on the rest of val (8 tasks in all).
    expect(merge?.spend.cells).toBe(8);
    // A pair is merged once.
    expect(new Set(merges.map((it) => it.parents.join('+'))).size).toBe(merges.length);
  });
});
