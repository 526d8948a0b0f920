import { defaultController } from '@ratchet/runtime';
import { describe, expect, it } from 'vitest';
import { candidateOf } from './candidate-of';

describe('candidateOf', () => {
  it('makes a baseline from a controller, identified by its hash', () => {
    expect(candidateOf(defaultController)).toEqual({
      hash: defaultController.hash,
      controller: defaultController,
      parents: [],
      origin: 'baseline',
      proposer: 'baseline',
      changed: [],
      iteration: 0,
    });
  });

  it('computes lineage, origin, iteration and changed components from parent candidates', () => {
    const baseline = candidateOf(defaultController);
    const child = candidateOf(defaultController.withParameters({ ...defaultController.parameters, maxFindings: 3 }), {
      parents: [baseline],
    });
    expect(child).toMatchObject({
      parents: [baseline.hash],
      origin: 'proposal',
      changed: ['maxFindings'],
      iteration: 1,
    });
    const merged = candidateOf(
      defaultController.withParameters({ ...defaultController.parameters, maxFindings: 3, closing: 'Go.' }),
      { parents: [child, baseline.hash] },
    );
    expect(merged).toMatchObject({ origin: 'merge', changed: ['closing'], iteration: 2, proposer: 'scripted' });
    expect(candidateOf(defaultController, { parents: ['abc'], iteration: 7, origin: 'merge' })).toMatchObject({
      parents: ['abc'],
      origin: 'merge',
      changed: [],
      iteration: 7,
    });
  });
});
