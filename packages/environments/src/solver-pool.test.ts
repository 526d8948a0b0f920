import { createRng } from '@ratchet/stats';
import { afterAll, describe, expect, it } from 'vitest';
import { dslTask } from './dsl/dsl-tasks';
import { registerDslSolver } from './dsl/register-dsl-solver';
import { defaultSearchParameters } from './dsl/search-parameters';
import type { DslSolveRequest } from './dsl/search-state';
import { EnvironmentsError } from './environments-error';
import { generatePlanted3Sat } from './sat/generate-planted-3sat';
import { registerSatSolver } from './sat/register-sat-solver';
import type { SatSolveRequest } from './sat/solve-sat';
import { solverPool } from './solver-pool';
import { registerSolver } from './solver-registry';
import { inProcessRunner } from './solver-runner';

const pool = solverPool({ threads: 2 });
afterAll(() => pool.close());
registerDslSolver();
registerSatSolver();
registerSolver('double', new URL('./fixtures/double-solver.ts', import.meta.url));
registerSolver('shout', new URL('./fixtures/named-solver.ts', import.meta.url).href);
registerSolver('not-a-solver', new URL('./fixtures/not-a-solver.ts', import.meta.url));

const signal = new AbortController().signal;

function satRequest(seed: string, flips: number): SatSolveRequest {
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
  };
}

describe('solverPool', () => {
  it('runs any registered solver module: its default export in a worker thread, the same in this thread', async () => {
    expect(await pool.run('double', { n: 21 }, signal)).toEqual({ doubled: 42, mainThread: false });
    expect(await inProcessRunner.run('double', { n: 21 }, signal)).toEqual({ doubled: 42, mainThread: true });
  });

  it('takes a module’s named `solve` when it has no default export', async () => {
    expect(await pool.run('shout', { text: 'ratchet' }, signal)).toEqual({ shouted: 'RATCHET' });
    expect(await inProcessRunner.run('shout', { text: 'ratchet' }, signal)).toEqual({ shouted: 'RATCHET' });
  });

  it('gives the same dsl and sat results in a worker thread as in this thread', async () => {
    const task = dslTask(0, 5);
    const dsl: DslSolveRequest = {
      examples: task.input.examples,
      outputType: task.input.outputType,
      steps: 1500,
      seed: 'pool-dsl',
      parameters: defaultSearchParameters,
      state: null,
      stallWindow: 500,
    };
    const sat = satRequest('pool-1', 2000);
    const [threadedDsl, localDsl, threadedSat, localSat] = await Promise.all([
      pool.run('dsl', dsl, signal),
      inProcessRunner.run('dsl', dsl, signal),
      pool.run('sat', sat, signal),
      inProcessRunner.run('sat', sat, signal),
    ]);
    expect(threadedDsl).toEqual(localDsl);
    expect((threadedDsl as { stepsUsed: number }).stepsUsed).toBe(1500);
    expect(threadedSat).toEqual(localSat);
  }, 30_000);

  it('runs calls side by side on several threads', async () => {
    const results = await Promise.all(
      ['a', 'b', 'c', 'd'].map((seed) =>
        pool.run<SatSolveRequest, { best: string }>('sat', satRequest(seed, 500), signal),
      ),
    );
    expect(results.map((result) => result.best.length)).toEqual([60, 60, 60, 60]);
  }, 30_000);

  it('refuses a solver no one registered, and a module that exports no solver, saying what to do', async () => {
    await expect(pool.run('nope', {}, signal)).rejects.toThrow(
      /no solver is registered under "nope" \(registered: .*double.*\); register it with registerSolver/,
    );
    await expect(inProcessRunner.run('nope', {}, signal)).rejects.toSatisfy(EnvironmentsError.isInstance);
    await expect(inProcessRunner.run('not-a-solver', {}, signal)).rejects.toThrow(
      /not-a-solver\.ts exports no solver: export the solve function as its default export or as `solve`/,
    );
    await expect(pool.run('not-a-solver', {}, signal)).rejects.toThrow(/exports no solver/);
  });

  it('cancels a call whose attempt was aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(pool.run('sat', satRequest('pool-2', 1000), controller.signal)).rejects.toThrow();
  });
});
