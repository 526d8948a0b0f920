import { type Controller, defaultController } from '@ratchet/runtime';
import { describe, expect, it } from 'vitest';
import type { Candidate } from '../candidate';
import { candidateOf } from '../test';
import { findMergePairs } from './find-merge-pairs';

const edit = (patch: Record<string, string | number>): Controller =>
  defaultController.withParameters({ ...defaultController.parameters, ...patch });

/**
 * The lineage (each arrow a proposal; M a merge of X2 and Y2):
 *
 *              B  baseline: maxFindings 5, preamble P0, closing C0
 *            /   \
 *   mf 3    X     Y    preamble P1
 *         /  \      \
 * C1    X2    X3 P2   Y2   mf 8
 *         \          /
 *           ---- M ----   mf 3, P1, C1
 */
function lineage() {
  const B = candidateOf(defaultController);
  const X = candidateOf(edit({ maxFindings: 3 }), { parents: [B] });
  const Y = candidateOf(edit({ preamble: 'P1' }), { parents: [B] });
  const X2 = candidateOf(edit({ maxFindings: 3, closing: 'C1' }), { parents: [X] });
  const Y2 = candidateOf(edit({ preamble: 'P1', maxFindings: 8 }), { parents: [Y] });
  const M = candidateOf(edit({ maxFindings: 3, preamble: 'P1', closing: 'C1' }), { parents: [X2, Y2] });
  const X3 = candidateOf(edit({ maxFindings: 3, preamble: 'P2' }), { parents: [X] });
  return { B, X, Y, X2, Y2, M, X3 };
}

const names = (pairs: ReturnType<typeof findMergePairs>, named: Record<string, Candidate>) => {
  const nameOf = (candidate: Candidate) => Object.keys(named).find((key) => named[key] === candidate);
  return pairs.map(({ left, right, ancestor }) => [nameOf(left), nameOf(right), nameOf(ancestor)]);
};

describe('findMergePairs', () => {
  it('finds the pairs of a hand-drawn lineage, each with its nearest common ancestor, in candidate order', () => {
    const named = lineage();
    const { B, X, Y, X2, Y2, M, X3 } = named;
    expect(names(findMergePairs([B, X, Y, X2, Y2, M, X3]), named)).toEqual([
      // X changed maxFindings, Y the preamble.
      ['X', 'Y', 'B'],
      // Y2 changed maxFindings too, but kept the preamble X lacks, and X has nothing Y2 lacks: no pair (X, Y2).
      ['Y', 'X2', 'B'],
      ['X2', 'Y2', 'B'],
      // Nearest ancestor X, not B: from X, X2 changed the closing and X3 the preamble.
      ['X2', 'X3', 'X'],
    ]);
  });

  it('never pairs a candidate with its ancestor or descendant, nor candidates with no common ancestor', () => {
    const { B, X, X2, M } = lineage();
    expect(findMergePairs([B, X, X2, M])).toEqual([]);
    const stranger = candidateOf(edit({ closing: 'C9' }));
    expect(findMergePairs([X, stranger])).toEqual([]);
  });

  it('skips repeated hashes and orders each pair as the candidates are ordered', () => {
    const { B, X, Y } = lineage();
    expect(findMergePairs([B, X, Y, X, Y])).toEqual(findMergePairs([B, X, Y]));
    expect(names(findMergePairs([Y, X, B]), { B, X, Y })).toEqual([['Y', 'X', 'B']]);
  });
});
