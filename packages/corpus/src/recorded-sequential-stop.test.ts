import { describe, expect, it } from 'vitest';
import { recordedSequentialStop } from './recorded-sequential-stop';

describe('recordedSequentialStop', () => {
  it('reads the stop, the path, the barrier, the cross-check and the futility figures of a recorded decision', () => {
    const decision = {
      threshold: 0.05,
      lift: { estimate: 0.1, low: -0.2, high: 0.3 },
      sequential: {
        maxItems: 40,
        minEffect: 0.2,
        itemsSpent: 4,
        stoppedBy: 'futility',
        eProcess: 'hedged-capital',
        eValues: [1, 0.5, null, 0.25],
        barrier: 40,
        plugInEValue: null,
      },
    };
    expect(recordedSequentialStop(decision)).toEqual({
      maxItems: 40,
      minEffect: 0.2,
      itemsSpent: 4,
      stoppedBy: 'futility',
      eProcess: 'hedged-capital',
      // A value JSON could not hold (an overflowed e-value is written as null) stays in its place.
      eValues: [1, 0.5, null, 0.25],
      barrier: 40,
      plugInEValue: null,
      threshold: 0.05,
      liftHigh: 0.3,
    });
  });

  it('is null without counts, and says "not recorded" (null) for what an older record lacks', () => {
    expect(recordedSequentialStop({ sequential: { maxItems: 10, eValues: [] } })).toBeNull();
    expect(recordedSequentialStop({ sequential: { itemsSpent: 2, maxItems: 10, eValues: [1, 2] } })).toEqual({
      itemsSpent: 2,
      maxItems: 10,
      stoppedBy: null,
      eValues: [1, 2],
      barrier: null,
      plugInEValue: null,
      eProcess: null,
      minEffect: null,
      threshold: null,
      liftHigh: null,
    });
  });
});
