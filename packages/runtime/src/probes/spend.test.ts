// Probes for docs/design.md rules 3 and 5: no silent zero, no silent "within tolerance", caps that hold.
import { openCorpus, unmeasuredUsage } from '@ratchet/corpus';
import { buildRunRecord } from '@ratchet/corpus/test';
import { describe, expect, it } from 'vitest';
import { UnenforceableCapError } from '../contracts/unenforceable-cap-error';
import { digitBenchmark, digitGuess } from '../fixtures/digits-benchmark';
import { runBenchmark } from '../run/run-benchmark';
import { random, refine } from '../strategies/built-in-strategies';

const measured = (usd: number) => ({
  turns: 1,
  tokensIn: 10,
  tokensOut: 5,
  usd,
  costProvenance: 'measured' as const,
});
const arms = [
  { id: 'random', ...random(3) },
  { id: 'refine', ...refine(3) },
];

describe('analyst spend', () => {
  it('records an analyst call that does not meter itself as unmeasured, not as $0', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    const silent = { id: 'model-analyst', observe: async () => [] };
    const bench = digitBenchmark(2, (input) => ({ ...digitGuess(input), usage: measured(0.01) }));
    const summary = await runBenchmark({ ...bench, corpus, analyst: silent, arms });
    const byId = Object.fromEntries(summary.arms.map((arm) => [arm.armId, arm]));
    expect(byId.random?.spend.usd).toBeCloseTo(0.06, 10);
    expect(byId.refine?.analystCalls).toBe(4);
    expect(byId.refine?.spend).toMatchObject({ usd: null, tokensIn: null, costProvenance: 'unknown' });
    await corpus.close();
  });

  it('counts a free analyst as spending time only', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    const bench = digitBenchmark(2, (input) => ({ ...digitGuess(input), usage: measured(0.01) }));
    const summary = await runBenchmark({ ...bench, corpus, arms }); // ruleAnalyst: free
    expect(summary.arms.find((arm) => arm.armId === 'refine')?.spend.usd).toBeCloseTo(0.06, 10);
    await corpus.close();
  });
});

describe('equal compute says what it did not measure', () => {
  it('checks work units, and marks dollars and tokens not measured instead of passing them', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    const bench = digitBenchmark(3, (input) => ({
      ...digitGuess(input),
      usage: { ...unmeasuredUsage, workUnits: input.checkpoint === null ? 100 : 300 },
    }));
    const summary = await runBenchmark({ ...bench, corpus, arms });
    const refineArm = summary.arms.find((arm) => arm.armId === 'refine');
    const status = Object.fromEntries(refineArm?.computeChecks.map((check) => [check.figure, check.status]) ?? []);
    expect(status).toEqual({
      attempts: 'within',
      workUnits: 'differs',
      usd: 'not-measured',
      tokens: 'not-measured',
      wallMs: expect.any(String),
    });
    // random: 3 × 100 per cell; refine: 100 + 300 + 300 per cell.
    expect(refineArm?.computeFlags).toContain('workUnits per cell +133% vs random');
    await corpus.close();
  });
});

describe('spend caps hold, or the run refuses', () => {
  it('refuses a per-cell dollar cap on a worker that does not measure dollars', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    const run = runBenchmark({
      ...digitBenchmark(2),
      corpus,
      runId: 'capped',
      arms: [{ id: 'random', ...random(3), limits: { usd: 1 } }, arms[1] as (typeof arms)[number]],
    });
    await expect(run).rejects.toThrow(UnenforceableCapError);
    await expect(run).rejects.toThrow(/the usd cap on a cell cannot be enforced/);
    expect((await corpus.manifest('capped'))?.status).toBe('failed');
    await corpus.close();
  });

  it('refuses a run-wide dollar cap once a cell cost was not measured', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    const run = runBenchmark({ ...digitBenchmark(4), corpus, arms, concurrency: 1, maxUsd: 10 });
    await expect(run).rejects.toThrow(/the usd cap on the run cannot be enforced/);
    expect((await corpus.stats()).cells).toBe(1);
    await corpus.close();
  });

  it('counts analyst spend in a per-cell cap', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    const priced = {
      id: 'priced',
      observe: async (_a: unknown, _h: unknown, meter?: { record(usage: unknown): void }) => {
        meter?.record(measured(0.02));
        return [];
      },
    };
    const bench = digitBenchmark(1, (input) => ({ ...digitGuess(input), usage: measured(0.01) }));
    const summary = await runBenchmark({
      ...bench,
      corpus,
      analyst: priced as never,
      arms: [
        { id: 'random', ...random(5) },
        { id: 'refine', ...refine(5), limits: { usd: 0.04 } },
      ],
    });
    // attempt $0.01, analyst $0.02, attempt $0.01 → $0.04: the cap is reached after two attempts.
    expect(summary.arms.find((arm) => arm.armId === 'refine')?.attempts).toBe(2);
    await corpus.close();
  });
});

describe('spend of tries that did not finish', () => {
  it('counts attempts of a killed try in the arm spend, and says how much they were', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    const bench = digitBenchmark(2, (input) => ({ ...digitGuess(input), usage: measured(0.01) }));
    const options = { ...bench, corpus, runId: 'killed', arms, seed: 1 };
    const first = await runBenchmark(options);
    const manifest = await corpus.manifest('killed');
    // A try of a third task that was killed before its cell was recorded: two paid attempts, no cell.
    const orphan = (attempt: number) =>
      buildRunRecord({
        recordId: `killed/refine/task-09/r0/t0/a${attempt}`,
        runId: 'killed',
        armId: 'refine',
        taskId: 'task-09',
        attempt,
        usage: { ...unmeasuredUsage, ...measured(0.5), wallMs: 10, workUnits: null },
      });
    await corpus.append([orphan(0), orphan(1)]);
    const { summarizeRun } = await import('../run/summarize-run');
    const again = await summarizeRun(corpus, manifest ?? (undefined as never));
    const before = first.arms.find((arm) => arm.armId === 'refine');
    const after = again.arms.find((arm) => arm.armId === 'refine');
    expect(after?.unfinished.attempts).toBe(2);
    expect(after?.unfinished.spend?.usd).toBeCloseTo(1, 10);
    expect(after?.spend.usd).toBeCloseTo((before?.spend.usd ?? 0) + 1, 10);
    expect(after?.attempts).toBe(before?.attempts);
    await corpus.close();
  });

  it('reports an arm with nothing recorded as unmeasured spend, never $0', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    const controller = new AbortController();
    controller.abort();
    const summary = await runBenchmark({ ...digitBenchmark(2), corpus, arms, signal: controller.signal });
    expect(summary.arms.map((arm) => arm.spend.usd)).toEqual([null, null]);
    expect(summary.arms.map((arm) => arm.spend.costProvenance)).toEqual(['unknown', 'unknown']);
    expect(summary.cells).toEqual({ planned: 4, recorded: 0 });
    await corpus.close();
  });
});
