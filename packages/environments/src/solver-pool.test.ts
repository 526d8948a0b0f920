import { createRng } from '@ratchet/stats';
import { afterAll, describe, expect, it } from 'vitest';
import { generatePlanted3Sat, type SatSolveRequest } from './sat';
import { solverPool } from './solver-pool';
import { inProcessRunner } from './solver-runner';
import './sat';

const pool = solverPool({ threads: 2 });
afterAll(() => pool.close());

function request(seed: string, flips: number): SatSolveRequest {
  const formula = generatePlanted3Sat(60, 4.2, createRng(seed));
  return {
    variables: 60,
    clauses: formula.clauses,
    flips,
    seed,
    noise: 0.5,
    restartEvery: null,
    restartFrom: 'random',
    focus: 'uniform',
    start: null,
  } as unknown as SatSolveRequest;
}

describe('solverPool', () => {
  it('gives the same result in a worker thread as in this thread', async () => {
    const input = request('pool-1', 2000);
    const [threaded, local] = await Promise.all([
      pool.run('sat', input, new AbortController().signal),
      inProcessRunner.run('sat', input, new AbortController().signal),
    ]);
    expect(threaded).toEqual(local);
  }, 30_000);

  it('runs calls side by side on several threads', async () => {
    const results = await Promise.all(
      ['a', 'b', 'c', 'd'].map((seed) =>
        pool.run<SatSolveRequest, { best: string }>('sat', request(seed, 500), new AbortController().signal),
      ),
    );
    expect(results.map((result) => result.best.length)).toEqual([60, 60, 60, 60]);
  }, 30_000);

  it('cancels a call whose attempt was aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(pool.run('sat', request('pool-2', 1000), controller.signal)).rejects.toThrow();
  });
});
