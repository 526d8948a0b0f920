import { openCorpus } from '@ratchet/corpus';
import { blind } from '@ratchet/runtime';
import { describe, expect, it } from 'vitest';
import { dialController, dialFamily } from '../test/dial-family';
import { GateInterruptedError, gate } from './gate';
import { committedOrder } from './sequential-decision';

const incumbent = dialController;

async function setup(perSplit: number) {
  const corpus = await openCorpus('sqlite::memory:');
  const dial = dialFamily({ perSplit });
  const options = {
    corpus,
    family: dial.family,
    benchmark: 'dial',
    plan: (controller: typeof incumbent) => blind({ controller }),
    incumbent,
    candidate: dialController.withParameters({ dial: 7, note: 'begin' }),
    holdout: { key: `dial perSplit=${perSplit} rotation=0`, tasks: dial.holdout },
    seed: 5,
    now: () => new Date('2026-12-01T12:00:00Z'),
  };
  return { corpus, dial, options };
}

describe('gate, sequential', () => {
  it('promotes a clearly better candidate before spending the whole holdout, and records why it stopped', async () => {
    const { corpus, dial, options } = await setup(40);
    const outcome = await gate({ ...options, sequential: { maxItems: 40, minEffect: 0.1, batchSize: 5 } });
    const trace = outcome.decision.sequential;
    expect(outcome.decision).toMatchObject({ promoted: true, reason: 'promoted', test: 'e-process' });
    expect(trace?.stoppedBy).toBe('evidence');
    expect(trace?.itemsSpent as number).toBeLessThan(40);
    const evaluated = outcome.record.itemsEvaluated as number;
    // Whole batches of 5: the last one holds the stopping item.
    expect(evaluated % 5).toBe(0);
    expect(evaluated - (trace?.itemsSpent as number)).toBeLessThan(5);
    // blind: one attempt per cell, two controllers per item, and nothing past the last batch.
    expect(dial.attempts()).toBe(2 * evaluated);
    expect(outcome.record).toMatchObject({
      stoppedBy: 'evidence',
      itemsSpent: trace?.itemsSpent,
      runIds: outcome.runIds,
    });
    expect(outcome.runIds).toHaveLength(evaluated / 5);
    expect(outcome.runIds[0]).toBe(outcome.record.recordId);
    expect(outcome.runIds[1]).toBe(`${outcome.record.recordId}-batch-2`);
    expect(await corpus.gateRecords({ incumbentHash: incumbent.hash })).toEqual([outcome.record]);
  });

  it('stops at the cap, not promoting, when the candidate is no better', async () => {
    const { dial, options } = await setup(30);
    const same = dialController.withParameters({ dial: 0, note: 'another note' });
    const outcome = await gate({
      ...options,
      candidate: same,
      sequential: { maxItems: 20, minEffect: 0.2, batchSize: 10 },
    });
    expect(outcome.decision.promoted).toBe(false);
    expect(outcome.decision.sequential).toMatchObject({ itemsSpent: 20, stoppedBy: 'cap' });
    expect(outcome.record).toMatchObject({ itemsSpent: 20, itemsEvaluated: 20, stoppedBy: 'cap' });
    expect(dial.attempts()).toBe(40);
  });

  it('evaluates the holdout in an order fixed by the seed alone', () => {
    const { holdout } = dialFamily({ perSplit: 20 });
    const order = committedOrder(holdout, 5).map((task) => task.id);
    expect(committedOrder([...holdout].reverse(), 5).map((task) => task.id)).toEqual(order);
    expect(committedOrder(holdout, 6).map((task) => task.id)).not.toEqual(order);
    expect([...order].sort()).toEqual(holdout.map((task) => task.id).sort());
  });

  it('decides nothing and spends no ledger entry when a batch is interrupted', async () => {
    const { corpus, options } = await setup(20);
    const controller = new AbortController();
    controller.abort();
    await expect(
      gate({ ...options, signal: controller.signal, sequential: { maxItems: 20, minEffect: 0.1 } }),
    ).rejects.toThrow(GateInterruptedError);
    expect(await corpus.gateRecords()).toEqual([]);
  });

  it('refuses a batch size that is not a whole number', async () => {
    const { options } = await setup(10);
    await expect(gate({ ...options, sequential: { maxItems: 10, minEffect: 0.1, batchSize: 0 } })).rejects.toThrow(
      /sequential.batchSize must be a whole number ≥ 1/,
    );
  });
});
