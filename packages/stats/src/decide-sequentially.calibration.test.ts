import { describe, expect, it } from 'vitest';
import { clopperPearsonInterval } from './clopper-pearson-interval';
import { decidePromotion } from './decide-promotion';
import { discordantMixtureEValue } from './discordant-mixture-e-value';
import { discordantPairEProcess } from './discordant-pair-e-process';
import { createRng, type Rng } from './rng';

/**
 * The sequential gate under continuous monitoring: `decidePromotion` with `sequential` looks after
 * every pair, so one call per simulated holdout is the whole monitored path. α = 0.025 one-sided
 * (confidence 0.95). A false-promotion rate is checked the way the fixed-n calibration checks it: the
 * one-sided 99% lower confidence bound (a two-sided 98% Clopper–Pearson interval) must not exceed α.
 * 1,500 simulations per scenario, 200 items each, fixed seeds: deterministic.
 */
const level = 0.025;
const simulations = 1500;
const items = 200;

/** Pass rates of the two arms for item i of n: both equal under the null. */
type Scenario = (i: number, n: number, rng: Rng) => { incumbent: number; candidate: number; shared: number };

function simulate(scenario: Scenario, seed: string, minEffect = 0.1, n = items) {
  const rng = createRng(seed);
  const taskIds = Array.from({ length: n }, (_, i) => `task-${i}`);
  let promoted = 0;
  let spent = 0;
  let futile = 0;
  for (let s = 0; s < simulations; s++) {
    const incumbent: Record<string, number> = {};
    const candidate: Record<string, number> = {};
    taskIds.forEach((id, i) => {
      const rates = scenario(i, n, rng);
      // With probability `shared` both arms get the same draw (a concordant pair): it moves the discordance rate.
      const u = rng.next();
      incumbent[id] = u < rates.incumbent ? 1 : 0;
      candidate[id] = (rng.next() < rates.shared ? u : rng.next()) < rates.candidate ? 1 : 0;
    });
    const decision = decidePromotion({
      incumbent,
      candidate,
      taskIds,
      seed: 1,
      sequential: { maxItems: n, minEffect },
    });
    if (decision.promoted) promoted++;
    if (decision.sequential?.stoppedBy === 'futility') futile++;
    spent += decision.sequential?.itemsSpent ?? n;
  }
  return { promoted, meanItems: spent / simulations, futile };
}

const constant =
  (rate: number, shared = 0): Scenario =>
  () => ({ incumbent: rate, candidate: rate, shared });

describe('the sequential gate under the null, looking after every pair', () => {
  const drifting: Scenario = (i, n) => ({
    incumbent: 0.1 + (0.8 * i) / (n - 1),
    candidate: 0.1 + (0.8 * i) / (n - 1),
    shared: 0,
  });
  const discordance: Scenario = (i, n) => ({ incumbent: 0.5, candidate: 0.5, shared: 0.9 * (1 - i / (n - 1)) });
  const difficulty: Scenario = (_, __, rng) => {
    const rate = 0.1 + 0.8 * rng.next();
    return { incumbent: rate, candidate: rate, shared: 0 };
  };
  it.each([
    { name: 'base rate 0.1', scenario: constant(0.1) },
    { name: 'base rate 0.3', scenario: constant(0.3) },
    { name: 'base rate 0.5', scenario: constant(0.5) },
    { name: 'base rate 0.7', scenario: constant(0.7) },
    { name: 'base rate 0.9', scenario: constant(0.9) },
    // The base rate drifts from 0.1 to 0.9 along the committed order.
    { name: 'drifting base rate', scenario: drifting },
    // The discordance rate drifts: the arms share their draw with probability falling from 0.9 to 0.
    { name: 'drifting discordance', scenario: discordance },
    // Task difficulty varies item by item, as on a real holdout.
    { name: 'random task difficulty', scenario: difficulty },
  ])('$name: false promotions stay at or below 2.5%', ({ name, scenario }) => {
    const { promoted } = simulate(scenario, `sequential-null/${name}`);
    expect(clopperPearsonInterval(promoted, simulations, 0.98).low).toBeLessThanOrEqual(level);
  });
});

describe('the e-processes themselves under the null', () => {
  it('neither the betting nor the mixture e-value ever reaches 1/α more than α of the time', () => {
    // The discordance rate swings between 0.2 and 0.8 along the path; each path is read after every pair up to 300.
    const rng = createRng('e-process-null');
    let betting = 0;
    let mixture = 0;
    for (let s = 0; s < simulations; s++) {
      const e = discordantPairEProcess();
      let bettingCrossed = false;
      let mixtureCrossed = false;
      for (let i = 0; i < 300; i++) {
        const discordant = rng.next() < 0.2 + 0.6 * Math.abs(Math.sin(i / 30));
        const difference = discordant ? (rng.next() < 0.5 ? 1 : -1) : 0;
        if (e.observe(difference) >= 1 / level) bettingCrossed = true;
        if (difference !== 0 && discordantMixtureEValue(e.wins, e.losses) >= 1 / level) mixtureCrossed = true;
      }
      if (bettingCrossed) betting++;
      if (mixtureCrossed) mixture++;
    }
    expect(clopperPearsonInterval(betting, simulations, 0.98).low).toBeLessThanOrEqual(level);
    expect(clopperPearsonInterval(mixture, simulations, 0.98).low).toBeLessThanOrEqual(level);
  });
});

describe('the sequential gate’s power and the items it spends', () => {
  // Base rate 0.5 for the incumbent, 0.5 + lift for the candidate, independent (discordance ≈ 0.5), cap
  // 200, minEffect 0.1, 1,500 simulations each. Observed when written: power 1.1% / 3.7% / 20.8% / 87.0%
  // at 0 / +5 / +10 / +20 points; mean items 179 / 190 / 178 / 110; futility stops 18.5% / 5.5% / 1.9% / 0%.
  // The bounds below sit about 5 Monte Carlo standard errors (√(p(1 − p)/1500)) from those values: they
  // guard the behaviour, and the bench section reports the figures.
  const lifted =
    (lift: number): Scenario =>
    () => ({ incumbent: 0.5, candidate: 0.5 + lift, shared: 0 });
  const cache = new Map<number, ReturnType<typeof simulate>>();
  const at = (lift: number) => {
    const result = cache.get(lift) ?? simulate(lifted(lift), `sequential-power/${lift}`);
    cache.set(lift, result);
    return result;
  };

  it('gains power with the lift, and spends fewer items the larger it is', () => {
    const [plus5, plus10, plus20] = [at(0.05), at(0.1), at(0.2)];
    expect(plus5.promoted / simulations).toBeLessThan(0.07);
    expect(plus10.promoted / simulations).toBeGreaterThan(0.15);
    expect(plus20.promoted / simulations).toBeGreaterThan(0.82);
    // +20 points stop on evidence about halfway to the cap on average.
    expect(plus20.meanItems).toBeLessThan(0.65 * items);
    expect(plus20.meanItems).toBeLessThan(plus10.meanItems - 40);
  });

  it('stops some null candidates for futility before the cap, and never a +20 point one', () => {
    const [none, plus20] = [at(0), at(0.2)];
    expect(none.futile / simulations).toBeGreaterThan(0.13);
    expect(none.meanItems).toBeLessThan(items);
    // minEffect 0.1: a +20 candidate is stopped for futility at most α of the time (Ville, one-sided).
    expect(plus20.futile / simulations).toBeLessThan(level);
  });
});
