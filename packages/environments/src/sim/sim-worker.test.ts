import type { AttemptInput } from '@ratchet/runtime';
import { describe, expect, it } from 'vitest';
import { simTrueSuccessRate } from './sim-success-probability';
import { type SimInput, simTasks } from './sim-tasks';
import { cellSeedOf, simArmOf, simWorker } from './sim-worker';

const tasks = simTasks({ count: 2000, seed: 4 });
const budget = { attempts: 1, usd: null, tokens: null, wallMs: null };
const signal = new AbortController().signal;

function input(index: number, seed: string, arm: string | null): AttemptInput<SimInput> {
  const task = tasks[index] ?? tasks[0];
  if (!task) throw new Error('no task');
  const steer = arm === null ? null : { text: '', parameters: { simArm: arm } };
  return { task, handle: null, steer, checkpoint: null, budget, seed };
}

async function successRate(worker: ReturnType<typeof simWorker>, arm: string | null, armSeed: string) {
  let succeeded = 0;
  for (const [index] of tasks.entries()) {
    const result = await worker.attempt(input(index, `0/${armSeed}/task-${index}/0/a1`, arm), signal);
    if ((result.output as { succeeded: boolean }).succeeded) succeeded++;
  }
  return succeeded / tasks.length;
}

describe('simWorker', () => {
  it('draws the same outcome for the same attempt seed, and one latent draw per cell', async () => {
    const worker = simWorker({ effects: { treated: 0.3 } });
    const results = await Promise.all(
      [0, 1, 2].map((a) => worker.attempt(input(5, `s/random/t/0/a${a}`, null), signal)),
    );
    expect(new Set(results.map((result) => JSON.stringify(result.output))).size).toBe(1);
    expect(await worker.attempt(input(5, 's/random/t/0/a0', null), signal)).toEqual(results[0]);
    expect(cellSeedOf('7/refine/sim-0-train-0001/2/a13')).toBe('7/refine/sim-0-train-0001/2');
  });

  it('keys effects by the arm the steer names, else by whether there is a steer', () => {
    expect(simArmOf(null)).toBe('unsteered');
    expect(simArmOf({ text: 'try again' })).toBe('steered');
    expect(simArmOf({ text: '', parameters: { simArm: 'treated' } })).toBe('treated');
  });

  it('gives arms with a planted effect of 0 the same success rate in expectation (2000 tasks)', async () => {
    const worker = simWorker({ effects: { treated: 0 } });
    const control = await successRate(worker, null, 'random');
    const treated = await successRate(worker, 'treated', 'refine');
    const truth = simTrueSuccessRate(tasks, 0);
    // Binomial standard error at n = 2000, p ≈ 0.5: 0.011; each rate within 3 of them of the truth.
    expect(Math.abs(control - truth)).toBeLessThan(0.034);
    expect(Math.abs(treated - truth)).toBeLessThan(0.034);
  });

  it('moves the success rate by exactly the planted effect of 0.1 (2000 tasks)', async () => {
    const worker = simWorker({ effects: { treated: 0.1 } });
    const treated = await successRate(worker, 'treated', 'refine');
    expect(simTrueSuccessRate(tasks, 0.1) - simTrueSuccessRate(tasks, 0)).toBeCloseTo(0.1, 12);
    expect(Math.abs(treated - simTrueSuccessRate(tasks, 0.1))).toBeLessThan(0.034);
    expect(() => simWorker({ effects: { treated: 2 } })).toThrow(/effects\.treated/);
  });

  it('leaves no checkpoint without `continuation`, so refine and fanout are the same there', async () => {
    const result = await simWorker().attempt(input(5, 's/arm/t/0/a0', null), signal);
    expect(result.checkpoint).toBeUndefined();
  });

  it('with `continuation`, counts depth through checkpoints and draws each attempt on its own', async () => {
    const worker = simWorker({ continuation: 0.2 });
    const fresh = await worker.attempt(input(5, 's/arm/t/0/a0', null), signal);
    expect(fresh.checkpoint).toEqual({ depth: 0 });
    const continued = await worker.attempt({ ...input(5, 's/arm/t/0/a1', null), checkpoint: { depth: 1 } }, signal);
    expect(continued.checkpoint).toEqual({ depth: 2 });
    // Task 5's success probability at depth 2 is its base rate + 0.4, clamped, as the trace reports.
    const baseRate = tasks[5]?.input.baseRate ?? Number.NaN;
    expect(continued.events[0]?.data).toMatchObject({ depth: 2, probability: Math.min(1, baseRate + 0.4) });
    // Fresh attempts of one cell are independent tries: over 2000 tasks, a second fresh attempt's outcome
    // differs from the first's on some tasks (it never does without `continuation`).
    let differ = 0;
    for (const [index] of tasks.entries()) {
      const a0 = await worker.attempt(input(index, `s/arm/${index}/0/a0`, null), signal);
      const a1 = await worker.attempt(input(index, `s/arm/${index}/0/a1`, null), signal);
      if (JSON.stringify(a0.output) !== JSON.stringify(a1.output)) differ++;
    }
    // Expected share: mean of 2p(1 − p) over base rates uniform on (0.1, 0.9] ≈ 0.39; well inside 0.3–0.5.
    expect(differ / tasks.length).toBeGreaterThan(0.3);
    expect(differ / tasks.length).toBeLessThan(0.5);
  });
});
