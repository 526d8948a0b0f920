import { openCorpus } from '@ratchet/corpus';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineController, type Topology } from '../contracts/controller';
import { defaultController } from '../controllers/default-controller';
import { digitBenchmark } from '../fixtures/digits-benchmark';
import { runBenchmark } from '../run/run-benchmark';
import { blind, continueBest, fanoutThenRefine, random, refine } from './built-in-strategies';
import { defineStrategy } from './strategy';

async function runArms(arms: Parameters<typeof runBenchmark>[0]['arms'], tasks = 4) {
  const corpus = await openCorpus('sqlite::memory:');
  const bench = digitBenchmark(tasks);
  const summary = await runBenchmark({
    ...bench,
    corpus,
    arms,
    primaryContrast: { name: 'first', baseline: arms[0]?.id ?? '', candidate: arms.at(-1)?.id ?? '' },
    backoffMs: 1,
  });
  return { corpus, bench, summary };
}

describe('built-in strategies', () => {
  it('blind makes one attempt; random@k makes k independent ones', async () => {
    const { corpus, bench } = await runArms([
      { id: 'blind', ...blind() },
      { id: 'random', ...random(3) },
    ]);
    const cells = await corpus.cells({ runId: (await corpus.runs())[0]?.runId ?? '' });
    expect(cells.filter((c) => c.armId === 'blind').every((c) => c.attempts === 1)).toBe(true);
    expect(cells.filter((c) => c.armId === 'random').every((c) => c.attempts === 3)).toBe(true);
    const randomCalls = bench.worker.calls.filter((call) => call.seed.includes('/random/'));
    expect(randomCalls.every((call) => call.steer === null && call.checkpoint === null)).toBe(true);
  });

  it('refine steers each next attempt from the previous findings, through the analyst', async () => {
    const { bench, summary } = await runArms([
      { id: 'random', ...random(3) },
      { id: 'refine', ...refine(3) },
    ]);
    const steered = bench.worker.calls.filter((call) => call.seed.includes('/refine/') && call.steer !== null);
    expect(steered.length).toBe(8);
    expect(steered[0]?.steer?.text).toMatch(/Try a different approach|Observations/);
    expect(summary.arms.find((arm) => arm.armId === 'refine')?.analystCalls).toBe(8);
  });

  it('continueBest continues from the best checkpoint by checks', async () => {
    const { bench } = await runArms(
      [
        { id: 'random', ...random(4) },
        { id: 'deep', ...continueBest(4) },
      ],
      10,
    );
    const continued = bench.worker.calls.filter((call) => call.seed.includes('/deep/') && call.checkpoint !== null);
    expect(continued).toHaveLength(30);
    // Every check passes, so the best checkpoint is the first attempt's: each continuation starts there.
    const firstCell = bench.worker.calls.filter((call) => call.seed.startsWith('0/deep/task-00/0/'));
    const firstGuess = firstCell[0]?.checkpoint ?? null;
    expect(firstGuess).toBeNull();
    expect(new Set(firstCell.slice(1).map((call) => call.checkpoint)).size).toBe(1);
  });

  it('fanoutThenRefine spends ⌈k/2⌉ attempts in breadth first', async () => {
    const { bench } = await runArms([
      { id: 'random', ...random(4) },
      { id: 'mixed', ...fanoutThenRefine(4) },
    ]);
    const firstCell = bench.worker.calls.filter((call) => call.seed.startsWith('0/mixed/task-00/0/'));
    expect(firstCell.map((call) => call.checkpoint !== null)).toEqual([false, false, true, true]);
  });

  it('enforces the budget: a strategy cannot make attempt k + 1, and its cell is still recorded', async () => {
    const greedy = defineStrategy('greedy', async (ctx) => {
      for (let i = 0; i < 10; i++) await ctx.shot();
    });
    const { corpus, bench } = await runArms(
      [{ id: 'greedy', strategy: greedy, k: 3, controller: defaultController }],
      2,
    );
    expect(bench.worker.calls).toHaveLength(6);
    const cells = await corpus.cells({ runId: (await corpus.runs())[0]?.runId ?? '' });
    expect(cells.map((cell) => [cell.attempts, cell.status])).toEqual([
      [3, 'ok'],
      [3, 'ok'],
    ]);
  });

  it('follows the controller topology: fanout starts fresh (still steered), stop ends the cell', async () => {
    const withTopology = (topology: Topology) =>
      defineController({
        id: `always-${topology}`,
        schema: z.object({}),
        parameters: {},
        steer: () => ({ text: 'try again' }),
        topology: () => topology,
      });
    for (const [name, plan] of [
      ['refine', refine],
      ['deep', continueBest],
      ['mixed', fanoutThenRefine],
    ] as const) {
      const fanout = await runArms([
        { id: 'random', ...random(4) },
        { id: name, ...plan(4, { controller: withTopology('fanout') }) },
      ]);
      const calls = fanout.bench.worker.calls.filter((call) => call.seed.includes(`/${name}/`));
      expect(calls).toHaveLength(16);
      expect(calls.every((call) => call.checkpoint === null)).toBe(true);
      expect(calls.filter((call) => call.steer !== null).length).toBe(name === 'mixed' ? 8 : 12);
      const stop = await runArms([
        { id: 'random', ...random(4) },
        { id: name, ...plan(4, { controller: withTopology('stop') }) },
      ]);
      const stopped = stop.bench.worker.calls.filter((call) => call.seed.includes(`/${name}/`));
      expect(stopped).toHaveLength(name === 'mixed' ? 8 : 4);
    }
  });

  it('refuses a k that is not a positive integer', () => {
    expect(() => random(0)).toThrow(/random\(k\): k must be an integer ≥ 1, received 0/);
  });
});
