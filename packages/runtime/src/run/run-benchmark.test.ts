import { type Corpus, openCorpus, unmeasuredUsage } from '@ratchet/corpus';
import { MockJudge } from '@ratchet/judges/test';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineController } from '../contracts/controller';
import { InfraError } from '../contracts/infra-error';
import { digitBenchmark, digitGuess, digitTasks } from '../fixtures/digits-benchmark';
import { blind, random, refine } from '../strategies/built-in-strategies';
import { scriptedWorker } from '../test/scripted-worker';
import { runBenchmark } from './run-benchmark';

let corpus: Corpus;
beforeEach(async () => {
  corpus = await openCorpus('sqlite::memory:');
});
afterEach(() => corpus.close());

const arms = [
  { id: 'blind', ...blind() },
  { id: 'random', ...random(3) },
  { id: 'refine', ...refine(3) },
];

describe('runBenchmark', () => {
  it('records the manifest first, then every attempt and cell, and summarises with the primary contrast', async () => {
    const summary = await runBenchmark({ ...digitBenchmark(5), corpus, arms, seed: 7, backoffMs: 1 });
    const manifest = await corpus.manifest(summary.runId);
    expect(manifest?.primaryContrast).toEqual({ name: 'steering', baseline: 'random', candidate: 'refine' });
    expect(manifest?.status).toBe('completed');
    expect((await corpus.stats()).cells).toBe(15);
    expect((await corpus.stats()).attempts).toBe(5 + 15 + 15);
    expect(summary.contrasts.map((c) => [c.name, c.family, c.primary])).toEqual([
      ['compute', 'decomposition', false],
      ['steering', 'decomposition', true],
    ]);
    const steering = summary.contrasts[1];
    expect(steering?.n).toBe(5);
    // Five pass/fail pairs: McNemar's exact test, not a bootstrap (docs/statistics.md).
    expect(steering?.test).toBe('mcnemar-exact');
    expect(steering?.qValue).toBeGreaterThanOrEqual(steering?.pValue ?? 1);
    expect(summary.arms.map((arm) => arm.attempts)).toEqual([5, 15, 15]);
    expect(summary.stopReason).toBe('completed');
  });

  it('meters spend per arm and flags arms that spend differently from the control', async () => {
    const stopEarly = defineController({
      id: 'stop-after-one',
      schema: z.object({}),
      parameters: {},
      steer: () => ({ text: 'again' }),
      stop: () => true,
    });
    const summary = await runBenchmark({
      ...digitBenchmark(4),
      corpus,
      arms: [
        { id: 'random', ...random(3) },
        { id: 'refine', ...refine(3, { controller: stopEarly }) },
        { id: 'blind', ...blind() },
      ],
      backoffMs: 1,
    });
    const byId = Object.fromEntries(summary.arms.map((arm) => [arm.armId, arm]));
    expect(byId.refine?.attempts).toBe(4);
    expect(byId.refine?.computeFlags).toEqual(expect.arrayContaining(['attempts per cell -67% vs random']));
    expect(byId.blind?.computeFlags).toEqual(["k = 1, not the control's 3: not an equal-compute comparison"]);
    expect(byId.random?.computeFlags).toEqual([]);
    expect(byId.random?.spend.turns).toBe(12);
    expect(byId.random?.spend.usd).toBeNull();
  });

  it('retries infra errors, then marks the cell infra and leaves it out of the pairs, counted', async () => {
    const failures = new Map<string, number>();
    const bench = digitBenchmark(4, (input) => {
      const seen = failures.get(input.seed) ?? 0;
      failures.set(input.seed, seen + 1);
      if (input.task.id === 'task-01') throw new InfraError('sandbox crashed');
      if (seen < 2) throw new InfraError('rate limited', { retryAfterMs: 1 });
      return digitGuess(input);
    });
    const summary = await runBenchmark({ ...bench, corpus, arms: arms.slice(1), retries: 3, backoffMs: 1 });
    const cells = await corpus.cells({ runId: summary.runId });
    expect(cells.filter((c) => c.status === 'infra').map((c) => c.taskId)).toEqual(['task-01', 'task-01']);
    expect(summary.arms.map((arm) => arm.infraCells)).toEqual([1, 1]);
    expect(summary.contrasts[0]).toMatchObject({ n: 3, excluded: { infra: 1, unmeasured: 0, unpaired: 0 } });
    const infraAttempt = (await corpus.records({ taskId: 'task-01' }))[0];
    expect(infraAttempt?.infra).toEqual({ error: 'sandbox crashed', retries: 3 });
    // Every other attempt succeeded on its third try.
    expect([...failures].filter(([seed]) => !seed.includes('task-01')).every(([, calls]) => calls === 3)).toBe(true);
  });

  it('scores an agent that ran and failed as a failure, not as infra', async () => {
    const bench = digitBenchmark(3, () => {
      throw new Error('agent gave up');
    });
    const summary = await runBenchmark({ ...bench, corpus, arms: arms.slice(1), backoffMs: 1 });
    expect(summary.arms.map((arm) => [arm.infraCells, arm.resolved, arm.cells])).toEqual([
      [0, 0, 3],
      [0, 0, 3],
    ]);
    const record = (await corpus.records())[0];
    expect(record?.output).toEqual({ inline: null });
    expect(record?.trace.summary).toContain('agent gave up');
  });

  it('gives identical corpus contents for the same seed, apart from timestamps and wall times', async () => {
    const other = await openCorpus('sqlite::memory:');
    const strip = (value: unknown) =>
      JSON.stringify(value, (key, v) =>
        ['createdAt', 'judgedAt', 'wallMs', 'startedAt', 'endedAt'].includes(key) ? undefined : v,
      );
    await runBenchmark({ ...digitBenchmark(4), corpus, arms, seed: 'same', concurrency: 3, backoffMs: 1 });
    await runBenchmark({ ...digitBenchmark(4), corpus: other, arms, seed: 'same', concurrency: 1, backoffMs: 1 });
    const sorted = async (c: Corpus) => (await c.records()).sort((a, b) => a.recordId.localeCompare(b.recordId));
    expect(strip(await sorted(other))).toEqual(strip(await sorted(corpus)));
    const runId = (await corpus.runs())[0]?.runId ?? '';
    expect(strip(await other.cells({ runId }))).toEqual(strip(await corpus.cells({ runId })));
    const different = await openCorpus('sqlite::memory:');
    await runBenchmark({ ...digitBenchmark(4), corpus: different, arms, seed: 'another', backoffMs: 1 });
    expect(strip((await different.records()).map((r) => r.output))).not.toEqual(
      strip((await corpus.records()).map((r) => r.output)),
    );
    await other.close();
    await different.close();
  });

  it('stops on a signal without losing what finished, and says why', async () => {
    const controller = new AbortController();
    const summary = await runBenchmark({
      ...digitBenchmark(8),
      corpus,
      arms: arms.slice(1),
      concurrency: 1,
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.cellsDone === 3) controller.abort();
      },
    });
    expect(summary.stopReason).toBe('signal');
    expect(summary.status).toBe('interrupted');
    const cells = await corpus.cells({ runId: summary.runId });
    expect(cells).toHaveLength(3);
    expect((await corpus.manifest(summary.runId))?.status).toBe('interrupted');
  });

  it('stops scheduling once the spend cap is reached', async () => {
    const bench = digitBenchmark(10, (input) => ({
      ...digitGuess(input),
      usage: { turns: 1, tokensIn: 10, tokensOut: 5, usd: 0.01, costProvenance: 'measured' },
    }));
    const summary = await runBenchmark({ ...bench, corpus, arms: arms.slice(1), concurrency: 1, maxUsd: 0.1 });
    expect(summary.stopReason).toBe('spend-cap');
    const spent = summary.arms.reduce((sum, arm) => sum + (arm.spend.usd ?? 0), 0);
    expect(spent).toBeCloseTo(0.12, 10);
  });

  it('caps measured spend per cell on top of k', async () => {
    const bench = digitBenchmark(3, (input) => ({
      ...digitGuess(input),
      usage: { turns: 1, tokensIn: 10, tokensOut: 5, usd: 0.03, costProvenance: 'measured' },
    }));
    const summary = await runBenchmark({
      ...bench,
      corpus,
      arms: [
        { id: 'random', ...random(5), limits: { usd: 0.05 } },
        { id: 'refine', ...refine(5) },
      ],
    });
    expect(summary.arms.map((arm) => arm.attempts)).toEqual([6, 15]);
    const firstCell = bench.worker.calls.filter((call) => call.seed.startsWith('0/random/task-00/0/'));
    expect(firstCell.map((call) => call.budget.usd)).toEqual([expect.closeTo(0.05, 10), expect.closeTo(0.02, 10)]);
  });

  it('spaces attempt starts to the rate limit', async () => {
    const started = performance.now();
    await runBenchmark({
      ...digitBenchmark(2),
      corpus,
      arms: arms.slice(1),
      concurrency: 4,
      rateLimit: { attempts: 4, perMs: 150 },
    });
    // 12 attempts at 4 per 150 ms: the last batch cannot start before 2 × 150 ms.
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('refuses duplicate arm ids and a missing default contrast', async () => {
    await expect(runBenchmark({ ...digitBenchmark(2), corpus, arms: [arms[1], arms[1]] as never })).rejects.toThrow(
      /two arms are named "random"/,
    );
    await expect(runBenchmark({ ...digitBenchmark(2), corpus, arms: [arms[0]] as never })).rejects.toThrow(
      /no refine arm with a continue or random arm at the same k/,
    );
  });
});

describe('analyst metering', () => {
  it('counts what a model-backed analyst reports in the arm spend', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    const pricedAnalyst = {
      id: 'priced',
      async observe(_attempt: unknown, _history: unknown, meter?: { record: (usage: never) => void }) {
        meter?.record({ turns: 1, tokensIn: 300, tokensOut: 50, usd: 0.004, costProvenance: 'measured' } as never);
        return [];
      },
    };
    const bench = digitBenchmark(2, (input) => ({
      ...digitGuess(input),
      usage: { turns: 1, tokensIn: 10, tokensOut: 5, usd: 0.01, costProvenance: 'measured' },
    }));
    const summary = await runBenchmark({ ...bench, corpus, analyst: pricedAnalyst as never, arms: arms.slice(1) });
    const refineArm = summary.arms.find((arm) => arm.armId === 'refine');
    // 2 cells × (3 attempts at $0.01 + 2 analyst calls at $0.004)
    expect(refineArm?.analystCalls).toBe(4);
    expect(refineArm?.spend.usd).toBeCloseTo(2 * (0.03 + 0.008), 10);
    expect(refineArm?.spend.tokensIn).toBe(2 * (30 + 600));
    await corpus.close();
  });
});

describe('analyst failures', () => {
  it('retries an analyst that could not be read, then marks the cell infra with its raw answer kept', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    let calls = 0;
    const unreadable = {
      id: 'unreadable',
      async observe() {
        calls++;
        throw Object.assign(new Error('not findings JSON'), {
          name: 'MalformedAnalystOutputError',
          rawText: 'Sure! Here are…',
        });
      },
    };
    const summary = await runBenchmark({
      ...digitBenchmark(1),
      corpus,
      analyst: unreadable,
      arms: arms.slice(1),
      retries: 2,
      backoffMs: 1,
    });
    expect(calls).toBe(3);
    const refineCell = (await corpus.cells({ runId: summary.runId, arms: ['refine'] }))[0];
    expect(refineCell?.status).toBe('infra');
    expect(refineCell?.infra).toEqual({
      error: 'analyst failed: MalformedAnalystOutputError: not findings JSON (raw answer: Sure! Here are…)',
      retries: 2,
    });
    expect(summary.arms.find((arm) => arm.armId === 'random')?.infraCells).toBe(0);
    await corpus.close();
  });
});

describe('environment state per attempt', () => {
  it('opens a fresh state for every attempt, judges each attempt on its own, and closes them all', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    let opened = 0;
    let closed = 0;
    const environment = {
      id: 'dirs',
      tasks: async () => digitTasks(3),
      open: async () => ({ workDir: `/tmp/attempt-${opened++}` }),
      checks: async () => [],
      close: async () => {
        closed++;
      },
    };
    const worker = scriptedWorker((input) => ({
      output: (input.handle as { workDir: string }).workDir,
      events: [],
      usage: unmeasuredUsage,
    }));
    const judge = new MockJudge({ judgments: (_task, output, context) => ({ resolved: output === context.workDir }) });
    const summary = await runBenchmark({ environment, worker, judge, corpus, arms: arms.slice(1) });
    expect(opened).toBe(3 * (3 + 3));
    expect(closed).toBe(opened);
    expect(new Set(worker.calls.map((call) => (call.handle as { workDir: string }).workDir)).size).toBe(opened);
    // With oracle judging on, every attempt was judged against its own work dir.
    expect((await corpus.records()).every((record) => record.verdict?.resolved === true)).toBe(true);
    expect(summary.arms.every((arm) => arm.successRate?.estimate === 1)).toBe(true);
    await corpus.close();
  });
});
