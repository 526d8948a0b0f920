// Probe: pruning runs must not un-spend a holdout (docs/design.md rule 6). The ledger lives apart from runs;
// deleting the gate's own run is refused, and deleting every other run leaves the holdout spent.
import { openCorpus, ProtectedRunError } from '@ratchet/corpus';
import { blind } from '@ratchet/runtime';
import { describe, expect, it } from 'vitest';
import { dialController, dialFamily } from '../test/dial-family';
import { gate } from './gate';
import { HoldoutSpentError } from './holdout-ledger';

describe('pruning and the holdout ledger', () => {
  it('cannot prune a decided gate run, and a holdout stays spent whatever else is pruned', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    const dial = dialFamily({ perSplit: 12 });
    const options = {
      corpus,
      family: dial.family,
      benchmark: 'dial',
      plan: (controller: typeof dialController) => blind({ controller }),
      incumbent: dialController,
      candidate: dialController.withParameters({ dial: 7, note: 'begin' }),
      holdout: { key: 'dial perSplit=12 rotation=0', tasks: dial.holdout },
      seed: 5,
    };
    const first = await gate(options);
    await expect(corpus.deleteRun(first.runId)).rejects.toSatisfy(ProtectedRunError.isInstance);
    for (const run of await corpus.runs()) {
      if (run.runId !== first.runId) await corpus.deleteRun(run.runId);
    }
    expect(await corpus.gateRecords()).toEqual([first.record]);
    const again = gate({ ...options, candidate: dialController.withParameters({ dial: 6, note: 'begin' }) });
    await expect(again).rejects.toThrow(HoldoutSpentError);
    await corpus.close();
  });
});
