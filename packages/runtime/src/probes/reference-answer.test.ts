// Probes for docs/design.md rule 1: a worker, an environment and a strategy each try to reach the reference
// answer or hand a verdict to the next attempt. Every one of these passed on the code before task
// views and firewall-built steers.
import { openCorpus, unmeasuredUsage } from '@ratchet/corpus';
import { describe, expect, it } from 'vitest';
import type { Environment } from '../contracts/environment';
import { JudgeLeakError } from '../contracts/judge-leak-error';
import { RuntimeError } from '../contracts/runtime-error';
import { defaultController } from '../controllers/default-controller';
import { digitBenchmark, digitTasks } from '../fixtures/digits-benchmark';
import { runBenchmark } from '../run/run-benchmark';
import { defineStrategy, type StrategyContext } from '../strategies/strategy';
import { scriptedWorker } from '../test/scripted-worker';

const oneArm = (strategy: ReturnType<typeof defineStrategy>, k = 2) => ({
  arms: [{ id: 'probe', strategy, k, controller: defaultController }],
  primaryContrast: { name: 'none', baseline: 'probe', candidate: 'probe' },
});

describe('the reference answer is unreachable', () => {
  it('a worker that reads expected from the handle or the task solves nothing', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    const bench = digitBenchmark(6);
    const cheat = scriptedWorker((input) => {
      const fromHandle = (input.handle as { task?: { expected?: unknown } }).task?.expected;
      const fromTask = (input.task as { expected?: unknown }).expected;
      return { output: (fromHandle ?? fromTask ?? null) as number | null, events: [], usage: unmeasuredUsage };
    });
    const summary = await runBenchmark({
      ...bench,
      worker: cheat,
      corpus,
      ...oneArm(defineStrategy('once', async (ctx) => void (await ctx.shot()))),
    });
    expect(summary.arms[0]?.resolved).toBe(0);
    expect(cheat.calls.every((call) => !('expected' in call.task))).toBe(true);
    await corpus.close();
  });

  it('an environment that keeps whatever it was opened with hands the worker no reference answer', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    const opened: unknown[] = [];
    const environment: Environment = {
      id: 'keeps-everything',
      tasks: async () => digitTasks(3),
      open: async (task) => {
        opened.push(task);
        return { ...task };
      },
      checks: async () => [],
      close: async () => {},
    };
    const bench = digitBenchmark(3);
    const summary = await runBenchmark({
      ...bench,
      environment,
      worker: scriptedWorker((input) => ({
        output: ((input.handle as { expected?: number }).expected ?? null) as number | null,
        events: [],
        usage: unmeasuredUsage,
      })),
      corpus,
      ...oneArm(defineStrategy('once', async (ctx) => void (await ctx.shot()))),
    });
    expect(summary.arms[0]?.resolved).toBe(0);
    expect(
      opened.every(
        (task) =>
          Object.keys(task as object)
            .sort()
            .join() === 'id,input,split',
      ),
    ).toBe(true);
    await corpus.close();
  });
});

describe('a strategy cannot hand a verdict to a worker', () => {
  async function probe(body: (ctx: StrategyContext) => Promise<void>) {
    const corpus = await openCorpus('sqlite::memory:');
    const bench = digitBenchmark(1);
    const run = runBenchmark({ ...bench, corpus, ...oneArm(defineStrategy('probe', body)) });
    return { run, bench, corpus };
  }

  it('has no controller to build a steer with', async () => {
    let seen: unknown = 'unset';
    const { run, corpus } = await probe(async (ctx) => {
      seen = (ctx as unknown as { controller?: unknown }).controller;
      await ctx.shot();
    });
    await run;
    expect(seen).toBeUndefined();
    await corpus.close();
  });

  it('cannot pass a steer it wrote to shot', async () => {
    const { run, bench, corpus } = await probe(async (ctx) => {
      await ctx.shot({ steer: { text: 'the answer is 7' } } as never);
    });
    await expect(run).rejects.toThrow(RuntimeError);
    await expect(run).rejects.toThrow(/shot\(\{ steer \}\): unknown option/);
    expect(bench.worker.calls).toHaveLength(0);
    await corpus.close();
  });

  it('cannot steer by a judge-origin finding', async () => {
    const { run, bench, corpus } = await probe(async (ctx) => {
      const first = await ctx.shot();
      await ctx.shot({ findings: [{ claim: 'the answer is 7', evidence: 7, origin: 'judge' }], from: first.attemptId });
    });
    await expect(run).rejects.toThrow(JudgeLeakError);
    expect(bench.worker.calls).toHaveLength(1);
    await corpus.close();
  });

  it('cannot edit the history it is shown', async () => {
    const { run, corpus } = await probe(async (ctx) => {
      const first = await ctx.shot();
      expect(() => (ctx.history as unknown[]).push({ ...first, attemptId: 'forged' })).toThrow(TypeError);
      expect(() => Object.assign(first, { output: 7 })).toThrow(TypeError);
    });
    await run;
    await corpus.close();
  });
});

describe('what chose the final output', () => {
  it("records 'strategy' when the strategy called choose, and 'checks' when it left it to the checks", async () => {
    const corpus = await openCorpus('sqlite::memory:');
    const picksFirst = defineStrategy('picks-first', async (ctx) => {
      const first = await ctx.shot();
      await ctx.shot();
      ctx.choose(first.attemptId);
    });
    const leaves = defineStrategy('leaves', async (ctx) => {
      await ctx.shot();
      await ctx.shot();
    });
    const summary = await runBenchmark({
      ...digitBenchmark(2),
      corpus,
      arms: [
        { id: 'picks', strategy: picksFirst, k: 2, controller: defaultController },
        { id: 'leaves', strategy: leaves, k: 2, controller: defaultController },
      ],
      primaryContrast: { name: 'x', baseline: 'leaves', candidate: 'picks' },
    });
    const cells = await corpus.cells({ runId: summary.runId });
    expect(cells.map((cell) => [cell.armId, cell.chosenBy])).toEqual([
      ['leaves', 'checks'],
      ['leaves', 'checks'],
      ['picks', 'strategy'],
      ['picks', 'strategy'],
    ]);
    await corpus.close();
  });
});
