import type { AttemptInput, AttemptResult } from '@ratchet/runtime';
import { describe, expect, it } from 'vitest';
import { SatOptionsError } from './sat-options-error';
import { type SatInput, satTasks } from './sat-tasks';
import { satWorker } from './sat-worker';
import { solveSat } from './solve-sat';

const tasks = satTasks({ count: 40, seed: 0 });
const signal = new AbortController().signal;
const largest = tasks.reduce(
  (best, task, i) => (task.input.variables > (tasks[best]?.input.variables ?? 0) ? i : best),
  0,
);
const weighted = { text: 'weighted', parameters: { weighting: 'additive' } };

function input(task: SatInput, seed: string, extra: Partial<AttemptInput<SatInput>> = {}): AttemptInput<SatInput> {
  return {
    task: { id: 't', split: 'train', input: task },
    handle: null,
    steer: weighted,
    checkpoint: null,
    budget: { attempts: 1, usd: null, tokens: null, wallMs: null },
    seed,
    ...extra,
  };
}

const large = tasks[largest]?.input as SatInput;
const summaryOf = (result: AttemptResult) => result.events.find((event) => event.type === 'log')?.data;
const checkpointOf = (result: AttemptResult) => result.checkpoint as { assignment: string; weights?: number[] };
const plainRequest = { noise: 0.5, restartEvery: null, restartFrom: 'random', focus: 'uniform' } as const;

describe('satWorker clause weighting', () => {
  it('leaves its clause weights in the checkpoint and a continued attempt resumes from exactly them', async () => {
    const worker = satWorker({ flips: 300 });
    const first = await worker.attempt(input(large, 'one'), signal);
    const { assignment, weights } = checkpointOf(first);
    expect(weights).toHaveLength(large.clauses.length);
    expect(summaryOf(first)).toMatchObject({ weighting: 'additive', resumedWeights: false });
    const resumed = await worker.attempt(input(large, 'two', { checkpoint: first.checkpoint ?? null }), signal);
    const direct = solveSat({
      ...large,
      ...plainRequest,
      flips: 300,
      seed: 'two',
      start: assignment,
      weighting: 'additive',
      weights: weights ?? null,
    });
    expect(checkpointOf(resumed)).toEqual({ assignment: direct.best, weights: direct.weights });
    expect(summaryOf(resumed)).toMatchObject({ resumedWeights: true, maxWeight: direct.maxWeight });
    // The same continuation from uniform weights (resumeWeights: false) is another search.
    const reset = { text: '', parameters: { weighting: 'additive', resumeWeights: false } };
    const fresh = await worker.attempt(
      input(large, 'two', { checkpoint: first.checkpoint ?? null, steer: reset }),
      signal,
    );
    const uniform = solveSat({
      ...large,
      ...plainRequest,
      flips: 300,
      seed: 'two',
      start: assignment,
      weighting: 'additive',
    });
    expect(checkpointOf(fresh)).toEqual({ assignment: uniform.best, weights: uniform.weights });
    expect(uniform.weights).not.toEqual(direct.weights);
    expect(summaryOf(fresh)).toMatchObject({ resumedWeights: false });
  });

  it('loads a checkpoint without weights (an old one) as uniform weights, and a plain attempt passes weights on', async () => {
    const worker = satWorker({ flips: 200 });
    const old = { assignment: '0'.repeat(large.variables) };
    const resumed = await worker.attempt(input(large, 'old', { checkpoint: old }), signal);
    const direct = solveSat({
      ...large,
      ...plainRequest,
      flips: 200,
      seed: 'old',
      start: old.assignment,
      weighting: 'additive',
    });
    expect(checkpointOf(resumed)).toEqual({ assignment: direct.best, weights: direct.weights });
    const carried = { assignment: old.assignment, weights: large.clauses.map(() => 4) };
    const plain = await worker.attempt(input(large, 'plain', { checkpoint: carried, steer: null }), signal);
    expect(checkpointOf(plain).weights).toEqual(carried.weights);
    expect(summaryOf(plain)).toMatchObject({ weighting: 'none', resumedWeights: false, maxWeight: 1 });
  });

  it('continues a weighted search so that two 20-flip attempts end where one 40-flip attempt does, where draws cannot differ', async () => {
    // On real formulas a continued attempt is not the uninterrupted search: it draws from its own seed
    // and restarts from the best assignment, not the current one. On this formula (one variable, two
    // contradicting clauses) every step flips the only variable, so only the hand-off is tested.
    const contradiction = {
      variables: 1,
      clauses: [[1], [-1]],
      ratio: 2,
      difficulty: 'easy',
      planted: true,
    } as SatInput;
    const start = { assignment: '0' };
    const short = satWorker({ flips: 20 });
    const first = await short.attempt(input(contradiction, 'a', { checkpoint: start }), signal);
    const second = await short.attempt(input(contradiction, 'b', { checkpoint: first.checkpoint ?? null }), signal);
    const once = await satWorker({ flips: 40 }).attempt(input(contradiction, 'c', { checkpoint: start }), signal);
    expect(second.checkpoint).toEqual(once.checkpoint);
    expect(once.checkpoint).toEqual({ assignment: '0', weights: [17, 17] });
  });

  it('refuses a weighting it does not know and a resumeWeights that is not a boolean', async () => {
    const worker = satWorker({ flips: 10 });
    const bad = (parameters: Record<string, string>) =>
      worker.attempt(input(large, 's', { steer: { text: '', parameters } }), signal);
    await expect(bad({ weighting: 'multiplicative' })).rejects.toThrow(SatOptionsError);
    await expect(bad({ weighting: 'multiplicative' })).rejects.toThrow(/weighting/);
    await expect(bad({ resumeWeights: 'yes' })).rejects.toThrow(/resumeWeights/);
  });
});
