import { type Corpus, openCorpus } from '@ratchet/corpus';
import { InvalidControllerError, random, refine, runBenchmark } from '@ratchet/runtime';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { simFamily } from './sim-family';
import { SimOptionsError } from './sim-options-error';
import { simTopologySuccessRate, simTrueSuccessRate } from './sim-success-probability';

let corpus: Corpus;
beforeEach(async () => {
  corpus = await openCorpus('sqlite::memory:');
});
afterEach(() => corpus.close());

function arms(sim: ReturnType<typeof simFamily.create>) {
  return [
    { id: 'random', ...random(2, { controller: sim.controller('random') }) },
    { id: 'refine', ...refine(2, { controller: sim.controller('refine') }) },
  ];
}

describe('simFamily (calibration simulator — not a benchmark)', () => {
  it('reads its options as a config writes them: count per split (default 100), seed, effects', () => {
    expect(simFamily.options.parse({})).toEqual({ count: 100, seed: 0, effects: {} });
    expect(() => simFamily.create({ effects: { refine: 2 } })).toThrow(SimOptionsError);
    expect(() => simFamily.create({ effects: { refine: 2 } })).toThrow(/effects\.refine/);
  });

  it('finds a planted effect of 0.3 on the arm named in the steers, its interval covering the true difference', async () => {
    const sim = simFamily.create({ count: 150, seed: 2, effects: { refine: 0.3 } });
    const tasks = await sim.environment.tasks('train');
    const summary = await runBenchmark({ ...sim, corpus, arms: arms(sim), seed: 8, backoffMs: 1, oracle: false });
    const steering = summary.contrasts[0];
    const truth = simTrueSuccessRate(tasks, 0.3) - simTrueSuccessRate(tasks, 0);
    expect(steering?.name).toBe('steering');
    expect(steering?.low).toBeGreaterThan(0);
    expect(steering?.pValue).toBeLessThan(0.01);
    expect(steering?.low).toBeLessThan(truth);
    expect(steering?.high).toBeGreaterThan(truth);
    const steers = (await corpus.records({ runId: summary.runId, armId: 'refine' })).map((r) => r.steer?.parameters);
    expect(steers.filter((parameters) => parameters !== undefined).every((p) => p?.simArm === 'refine')).toBe(true);
  });

  it('finds no effect when the planted effect is 0: the interval covers 0', async () => {
    const sim = simFamily.create({ count: 150, seed: 2, effects: { refine: 0 } });
    const summary = await runBenchmark({ ...sim, corpus, arms: arms(sim), seed: 8, backoffMs: 1, oracle: false });
    const steering = summary.contrasts[0];
    expect(steering?.low).toBeLessThan(0);
    expect(steering?.high).toBeGreaterThan(0);
    expect(summary.arms.map((arm) => arm.attempts)).toEqual([300, 300]);
  });

  it('has no controller parameters to learn: the arm names the controller, anything else is refused', () => {
    const sim = simFamily.create({ count: 1 });
    expect(sim.controller('treated').id).toBe('sim-treated');
    expect(() => sim.controller('treated', { arm: 'other' })).toThrow(InvalidControllerError);
  });

  it('with `continuation`, runs always-refine and always-fanout at the success rates simTopologySuccessRate gives', async () => {
    const sim = simFamily.create({ count: 400, seed: 3, continuation: 0.2 });
    const tasks = await sim.environment.tasks('train');
    const summary = await runBenchmark({
      ...sim,
      corpus,
      arms: [
        // random@3 starts every attempt fresh; refine@3 with the sim controller (topology `refine`) continues.
        { id: 'random', ...random(3, { controller: sim.controller('random') }) },
        { id: 'refine', ...refine(3, { controller: sim.controller('refine') }) },
      ],
      seed: 5,
      backoffMs: 1,
      oracle: false,
    });
    const rate = (armId: string) =>
      summary.arms.find((arm) => arm.armId === armId)?.successRate?.estimate ?? Number.NaN;
    const fanout = simTopologySuccessRate(tasks, { continuation: 0.2, actions: ['fanout', 'fanout'] });
    const deeper = simTopologySuccessRate(tasks, { continuation: 0.2, actions: ['refine', 'refine'] });
    // Binomial standard error at n = 400 is at most 0.025; each rate within 3 of them of its truth.
    expect(Math.abs(rate('random') - fanout)).toBeLessThan(0.075);
    expect(Math.abs(rate('refine') - deeper)).toBeLessThan(0.075);
    expect(deeper - fanout).toBeGreaterThan(0.1);
  });
});
