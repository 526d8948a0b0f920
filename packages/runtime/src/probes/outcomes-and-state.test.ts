// Probes for docs/design.md rule 4 and the steer policy: what is the agent's outcome, what is infra, and
// what is a bug that must stop the run.
import { openCorpus, unmeasuredUsage } from '@ratchet/corpus';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineController } from '../contracts/controller';
import type { Environment } from '../contracts/environment';
import { InfraError } from '../contracts/infra-error';
import { InvalidSteerError } from '../contracts/invalid-steer-error';
import { digitBenchmark, digitGuess, digitTasks } from '../fixtures/digits-benchmark';
import { runBenchmark } from '../run/run-benchmark';
import { random, refine } from '../strategies/built-in-strategies';
import { scriptedWorker } from '../test/scripted-worker';

describe('infra retries start from fresh state', () => {
  it('closes the state a failed try changed and opens a new one for the retry', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    const states: Array<{ id: number; files: string[]; closed: boolean }> = [];
    const environment: Environment = {
      id: 'dirs',
      tasks: async () => digitTasks(1),
      open: async () => {
        const state = { id: states.length, files: [] as string[], closed: false };
        states.push(state);
        return state;
      },
      checks: async () => [],
      close: async (handle) => {
        (handle as { closed: boolean }).closed = true;
      },
    };
    let calls = 0;
    const worker = scriptedWorker((input) => {
      const state = input.handle as { files: string[] };
      calls++;
      // The first try writes a file, then the sandbox crashes.
      if (calls === 1) {
        state.files.push('half-written.js');
        throw new InfraError('sandbox crashed');
      }
      return { output: state.files.length, events: [], usage: unmeasuredUsage };
    });
    await runBenchmark({
      ...digitBenchmark(1),
      environment,
      worker,
      corpus,
      arms: [{ id: 'random', ...random(1) }],
      primaryContrast: { name: 'x', baseline: 'random', candidate: 'random' },
      backoffMs: 1,
    });
    expect(states).toHaveLength(2);
    expect(states[0]?.closed).toBe(true);
    // The retry saw an untouched state: no file left by the failed try.
    expect((await corpus.records())[0]?.output).toEqual({ inline: 0 });
    await corpus.close();
  });
});

describe('the agent ran and failed: an outcome, recorded as such', () => {
  it('records the failure a worker reports (its time limit) and scores the attempt, not as infra', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    const bench = digitBenchmark(2, () => ({
      output: null,
      events: [],
      usage: unmeasuredUsage,
      failure: { reason: 'timeout', message: 'the agent was still running at its time limit' },
    }));
    const summary = await runBenchmark({
      ...bench,
      corpus,
      arms: [{ id: 'random', ...random(2) }],
      primaryContrast: { name: 'x', baseline: 'random', candidate: 'random' },
    });
    expect(summary.arms[0]).toMatchObject({ infraCells: 0, cells: 2, resolved: 0 });
    const records = await corpus.records();
    expect(records.every((record) => record.failure?.reason === 'timeout' && record.infra === null)).toBe(true);
    await corpus.close();
  });

  it("records a worker's throw as the agent's failure, reason 'error'", async () => {
    const corpus = await openCorpus('sqlite::memory:');
    const bench = digitBenchmark(1, () => {
      throw new Error('agent gave up');
    });
    await runBenchmark({
      ...bench,
      corpus,
      arms: [{ id: 'random', ...random(1) }],
      primaryContrast: { name: 'x', baseline: 'random', candidate: 'random' },
    });
    expect((await corpus.records())[0]?.failure).toEqual({ reason: 'error', message: 'Error: agent gave up' });
    await corpus.close();
  });
});

describe('a steer the worker refuses', () => {
  const strictWorker = (calls: unknown[]) => ({
    ...scriptedWorker((input) => {
      calls.push(input.steer);
      return digitGuess(input);
    }),
    steerParameters: z.object({ depth: z.number().int().max(8).optional() }),
  });

  it('fails the run naming the controller, the worker and the field, before the attempt', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    const calls: unknown[] = [];
    const deep = defineController({
      id: 'too-deep',
      schema: z.object({}),
      parameters: {},
      steer: () => ({ text: 'go deeper', parameters: { depth: 99 } }),
    });
    const run = runBenchmark({
      ...digitBenchmark(2),
      worker: strictWorker(calls),
      corpus,
      runId: 'refused',
      arms: [
        { id: 'random', ...random(2) },
        { id: 'refine', ...refine(2, { controller: deep }) },
      ],
    });
    await expect(run).rejects.toThrow(InvalidSteerError);
    await expect(run).rejects.toThrow(/controller "too-deep" .* worker "scripted-worker" .*steer\.parameters\.depth/);
    expect(calls.every((steer) => steer === null)).toBe(true);
    expect((await corpus.manifest('refused'))?.status).toBe('failed');
    await corpus.close();
  });

  it("ignores another controller's keys the worker does not read", async () => {
    const corpus = await openCorpus('sqlite::memory:');
    const calls: unknown[] = [];
    const summary = await runBenchmark({
      ...digitBenchmark(2),
      worker: strictWorker(calls),
      corpus,
      arms: [
        { id: 'random', ...random(2) },
        { id: 'refine', ...refine(2) },
      ],
    });
    expect(summary.status).toBe('completed');
    expect(
      calls.some(
        (steer) => (steer as { parameters?: { findings?: number } } | null)?.parameters?.findings !== undefined,
      ),
    ).toBe(true);
    await corpus.close();
  });
});
