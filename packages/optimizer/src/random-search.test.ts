import { openCorpus } from '@ratchet/corpus';
import { blind } from '@ratchet/runtime';
import { createRng } from '@ratchet/stats';
import { describe, expect, it } from 'vitest';
import { BudgetTooSmallError } from './budget';
import { uniformParameters } from './proposers/uniform-parameters';
import { randomSearch } from './random-search';
import { dialController, dialFamily } from './test/dial-family';

describe('randomSearch', () => {
  it('scores the baseline and uniform samples on val until the next would break the cell budget', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    const dial = dialFamily({ perSplit: 6 });
    const options = {
      corpus,
      family: dial.family,
      benchmark: 'dial',
      baseline: dialController,
      plan: (controller: typeof dialController) => blind({ controller }),
      val: dial.val,
      budget: { cells: 40 },
      seed: 4,
      familyConfig: dial.config,
    };
    const result = await randomSearch(options);
    // 40 cells buy the baseline and 5 samples of 6 val cells each (a 7th would need 42).
    expect(result.tried).toHaveLength(6);
    expect(result.spend.cells).toBe(36);
    expect(result.tried[0]?.controller.hash).toBe(dialController.hash);
    expect(result.bestVal).toBe(Math.max(...result.tried.map((t) => t.valScore)));
    // Run again: every cell is read from the corpus, none is run.
    const before = dial.attempts();
    const again = await randomSearch(options);
    expect(dial.attempts()).toBe(before);
    expect(again.best.hash).toBe(result.best.hash);
  });

  it('refuses a budget that cannot score the baseline and one sample', async () => {
    const dial = dialFamily({ perSplit: 6 });
    await expect(
      randomSearch({
        corpus: await openCorpus('sqlite::memory:'),
        family: dial.family,
        benchmark: 'dial',
        baseline: dialController,
        plan: (controller) => blind({ controller }),
        val: dial.val,
        budget: { cells: 11 },
        seed: 1,
      }),
    ).rejects.toThrow(BudgetTooSmallError);
  });

  it('draws parameters uniformly within the schema, keeping text it cannot draw', () => {
    const random = createRng(9);
    const dials = Array.from({ length: 2000 }, (_, i) =>
      uniformParameters(dialController.schema, dialController.parameters, random.fork(String(i))),
    );
    expect(dials.every((p) => p?.note === 'begin')).toBe(true);
    const counts = new Map<number, number>();
    for (const p of dials) counts.set(Number(p?.dial), (counts.get(Number(p?.dial)) ?? 0) + 1);
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const count of counts.values()) expect(Math.abs(count - 2000 / 11)).toBeLessThan(60);
  });
});
