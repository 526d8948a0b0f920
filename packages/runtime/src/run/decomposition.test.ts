import { openCorpus } from '@ratchet/corpus';
import { benjaminiHochberg } from '@ratchet/stats';
import { describe, expect, it } from 'vitest';
import { digitBenchmark } from '../fixtures/digits-benchmark';
import { blind, continueBest, continueFromLast, random, refine } from '../strategies/built-in-strategies';
import { defaultPrimaryContrast } from './primary-contrast';
import { runBenchmark } from './run-benchmark';

describe('the default primary contrast', () => {
  it('is steering = refine − continue when a continue arm runs at the same k, else refine − random', () => {
    const arms = [
      { id: 'r', strategy: 'random', k: 4 },
      { id: 'f', strategy: 'refine', k: 4 },
    ];
    expect(defaultPrimaryContrast(arms)).toEqual({ name: 'steering', baseline: 'r', candidate: 'f' });
    expect(defaultPrimaryContrast([...arms, { id: 'c', strategy: 'continue', k: 4 }])).toEqual({
      name: 'steering',
      baseline: 'c',
      candidate: 'f',
    });
    // A continue arm at another k is not the control.
    expect(defaultPrimaryContrast([...arms, { id: 'c', strategy: 'continue', k: 2 }]).baseline).toBe('r');
    expect(() => defaultPrimaryContrast([{ id: 'b', strategy: 'blind', k: 1 }])).toThrow(/no refine arm/);
  });
});

describe('continue@k', () => {
  it('continues from the last checkpoint with no steer and no analyst call', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    const bench = digitBenchmark(3);
    const summary = await runBenchmark({
      ...bench,
      corpus,
      arms: [
        { id: 'random', ...random(3) },
        { id: 'continue', ...continueFromLast(3) },
        { id: 'refine', ...refine(3) },
      ],
    });
    const calls = bench.worker.calls.filter((call) => call.seed.includes('/continue/'));
    expect(calls).toHaveLength(9);
    expect(calls.every((call) => call.steer === null)).toBe(true);
    // Attempt 0 of each cell starts fresh; attempts 1 and 2 continue.
    expect(calls.every((call) => (call.checkpoint !== null) === !call.seed.endsWith('/a0'))).toBe(true);
    expect(summary.arms.find((arm) => arm.armId === 'continue')?.analystCalls).toBe(0);
    await corpus.close();
  });
});

describe('the decomposition of a steering result', () => {
  it('reports compute, continuation and steering as one BH family, the primary among them', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    const summary = await runBenchmark({
      ...digitBenchmark(6),
      corpus,
      arms: [
        { id: 'blind', ...blind() },
        { id: 'random@3', ...random(3) },
        { id: 'continue@3', ...continueFromLast(3) },
        { id: 'refine@3', ...refine(3) },
        { id: 'deep@3', ...continueBest(3) },
      ],
    });
    const manifest = await corpus.manifest(summary.runId);
    expect(manifest?.primaryContrast).toEqual({ name: 'steering', baseline: 'continue@3', candidate: 'refine@3' });
    expect(summary.contrasts.map((c) => [c.name, c.baseline, c.candidate, c.family, c.primary])).toEqual([
      ['compute', 'blind', 'random@3', 'decomposition', false],
      ['continuation', 'random@3', 'continue@3', 'decomposition', false],
      ['steering', 'continue@3', 'refine@3', 'decomposition', true],
      ['deep@3 − random@3', 'random@3', 'deep@3', 'exploratory', false],
    ]);
    const family = summary.contrasts.filter((c) => c.family === 'decomposition');
    const q = benjaminiHochberg(family.map((c) => c.pValue as number));
    expect(family.map((c) => c.qValue)).toEqual(q);
    // Six pass/fail pairs per contrast: every one is McNemar's exact test.
    expect(summary.contrasts.every((c) => c.test === 'mcnemar-exact')).toBe(true);
    await corpus.close();
  });
});
