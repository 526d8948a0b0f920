// A strategy program that fails as a program scores an honest 0: the cell is recorded with its
// attempts, no final output and a failed verdict, and the run goes on. Anything else a strategy
// throws still stops the run.
import { openCorpus } from '@ratchet/corpus';
import { describe, expect, it } from 'vitest';
import { InfraError } from '../contracts/infra-error';
import { StrategyFailureError } from '../contracts/strategy-failure-error';
import { defaultController } from '../controllers/default-controller';
import { digitBenchmark, digitGuess } from '../fixtures/digits-benchmark';
import { runBenchmark } from '../run/run-benchmark';
import { defineStrategy, type Strategy } from '../strategies/strategy';

const oneArm = (strategy: Strategy, k = 3) => ({
  arms: [{ id: 'program', strategy, k, controller: defaultController }],
  primaryContrast: { name: 'none', baseline: 'program', candidate: 'program' },
  backoffMs: 1,
});

/** Two shots, then a failure on the tasks named; a normal cell elsewhere. */
const failsOn = (taskIds: readonly string[], shots = 2) =>
  defineStrategy('fails-on', async (ctx) => {
    for (let i = 0; i < shots; i++) await ctx.shot();
    if (taskIds.includes(ctx.task.id)) throw new StrategyFailureError('the program exceeded its cpu limit (5 ms)');
  });

describe('a strategy program that fails', () => {
  it('records its cell as a failure of the program, with the attempts it made, and the run goes on', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    const bench = digitBenchmark(3);
    const summary = await runBenchmark({ ...bench, corpus, ...oneArm(failsOn(['task-01'])) });
    const cells = await corpus.cells({ runId: summary.runId });
    const failed = cells.find((cell) => cell.taskId === 'task-01');
    expect(failed).toMatchObject({
      status: 'ok',
      infra: null,
      attempts: 2,
      finalAttemptId: null,
      finalOutput: null,
      chosenBy: 'strategy',
      oracle: null,
      strategyFailure: { error: 'the program exceeded its cpu limit (5 ms)' },
    });
    expect(failed?.attemptIds).toHaveLength(2);
    expect(failed?.verdict).toMatchObject({
      judge: { id: 'mock' },
      resolved: false,
      scores: {},
      details: { reason: 'strategy-failure', judged: false, error: 'the program exceeded its cpu limit (5 ms)' },
    });
    // The judge never saw the failed cell: there was no final output to judge.
    expect(new Set(bench.judge.calls.map((call) => call.task.id))).toEqual(new Set(['task-00', 'task-02']));
    expect(cells.filter((cell) => cell.taskId !== 'task-01').every((cell) => cell.strategyFailure === null)).toBe(true);
    // It counts as judged and unresolved, never as infra.
    expect(summary.arms[0]).toMatchObject({ cells: 3, infraCells: 0, unjudgedCells: 0 });
    await corpus.close();
  });

  it('is the program’s failure even before its first attempt, not infra', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    const { runId } = await runBenchmark({ ...digitBenchmark(1), corpus, ...oneArm(failsOn(['task-00'], 0)) });
    const [cell] = await corpus.cells({ runId });
    expect(cell).toMatchObject({ status: 'ok', attempts: 0, infra: null, verdict: { resolved: false } });
    expect(cell?.strategyFailure?.error).toMatch(/cpu limit/);
    await corpus.close();
  });

  it('gives way to an infra failure in the same cell: a cell the harness broke says nothing about the program', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    let calls = 0;
    const bench = digitBenchmark(1, (input) => {
      if (++calls === 2) throw new InfraError('sandbox crashed', { isRetryable: false });
      return digitGuess(input);
    });
    const strategy = defineStrategy('swallows-infra', async (ctx) => {
      await ctx.shot();
      await ctx.shot().catch(() => {});
      throw new StrategyFailureError('threw after the crash');
    });
    const { runId } = await runBenchmark({ ...bench, corpus, ...oneArm(strategy) });
    const [cell] = await corpus.cells({ runId });
    expect(cell).toMatchObject({ status: 'infra', strategyFailure: null, verdict: null });
    await corpus.close();
  });

  it('a native strategy that throws anything else still stops the run', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    const buggy = defineStrategy('buggy', async (ctx) => {
      await ctx.shot();
      throw new TypeError('cannot read properties of undefined');
    });
    await expect(runBenchmark({ ...digitBenchmark(1), corpus, ...oneArm(buggy) })).rejects.toThrow(TypeError);
    await corpus.close();
  });
});
