import { describe, expect, it } from 'vitest';
import type { LoopSettings } from '../autoloop-types';
import { engineTestSettings } from '../test/autoloop-fixtures';
import type { LoopProgress } from './loop-progress';
import { MemoryStateStore } from './memory-state-store';
import { reportSpend } from './metered-context';
import { runLoop } from './run-loop';
import {
  type ScriptStep,
  scriptedError,
  scriptedKeep,
  scriptedOrchestrator,
  scriptedReject,
} from './scripted-orchestrator';

const settings: LoopSettings = engineTestSettings;

async function run(steps: ScriptStep[], patch: Partial<LoopSettings> = {}, store = new MemoryStateStore()) {
  const orchestrator = scriptedOrchestrator(steps);
  const progress: LoopProgress[] = [];
  const result = await runLoop({
    orchestrator,
    settings: { ...settings, ...patch },
    store,
    target: 'examples/dsl-controller',
    signal: new AbortController().signal,
    now: () => new Date('2025-01-01T00:00:00Z'),
    onProgress: (p) => progress.push(p),
  });
  return { result, store, orchestrator, progress };
}

describe('runLoop: each stop rule ends the loop', () => {
  it('max_iterations: runs exactly the maximum and stops with exit 0', async () => {
    const { result, orchestrator, store } = await run(
      [scriptedKeep('a'), scriptedKeep('b'), scriptedKeep('c'), scriptedKeep('d')],
      { maxIterations: 3 },
    );
    expect(orchestrator.calls).toHaveLength(3);
    expect(result).toMatchObject({ stopRule: 'max_iterations', exitCode: 0 });
    expect(result.state.status).toBe('stopped_max_iterations');
    expect(result.state.stop_reason).toBe('max_iterations: 3 of 3 iterations completed');
    expect(store.state).toEqual(result.state);
    expect(store.log.map((l) => l.iteration)).toEqual([1, 2, 3]);
    expect([...store.handoffs.keys()]).toEqual([1, 2, 3]);
  });

  it('cost_cap: stops once the measured spend reaches the cap', async () => {
    const steps = [1, 2, 3, 4].map((i) => scriptedKeep(`h${i}`, { spendUsd: 4 }));
    const { result, orchestrator } = await run(steps, { maxCostUsd: 8 });
    expect(orchestrator.calls).toHaveLength(2);
    expect(orchestrator.calls.map((c) => c.remainingUsd)).toEqual([8, 4]);
    expect(result).toMatchObject({ stopRule: 'cost_cap', exitCode: 0 });
    expect(result.state.total_cost_usd).toBe(8);
  });

  it('cost_cap: does not start an iteration whose estimate would cross the cap', async () => {
    const steps = [scriptedKeep('a', { spendUsd: 3 }), scriptedKeep('b', { spendUsd: 1 }), scriptedKeep('c')];
    const { result, orchestrator } = await run(steps, { maxCostUsd: 6.5 });
    // After $4 spent, the estimate ($3, the largest so far) would take it to $7 > $6.50.
    expect(orchestrator.calls).toHaveLength(2);
    expect(result.state.total_cost_usd).toBe(4);
    expect(result.state.stop_reason).toContain('estimated at $3.00');
  });

  it('cost_cap: aborts a running iteration when its reported spend reaches the cap, and keeps that spend', async () => {
    let aborted = false;
    const spender: ScriptStep = async (context) => {
      reportSpend(context, 2);
      reportSpend(context, 5.5);
      aborted = context.signal.aborted;
      throw context.signal.reason;
    };
    const { result, store } = await run([scriptedKeep('a', { spendUsd: 1 }), spender], { maxCostUsd: 6 });
    expect(aborted).toBe(true);
    expect(result).toMatchObject({ stopRule: 'cost_cap', exitCode: 0 });
    expect(result.state.total_cost_usd).toBe(6.5);
    expect(result.state.score_history[1]).toMatchObject({ decision: 'error', spend_usd: 5.5 });
    expect(store.log[1]?.outcome.failure).toMatch(/^aborted at the cost cap: Error: iteration 2 was aborted/);
  });

  it('plateau: stops after a window of iterations without an improving keep', async () => {
    // The last keep is noise: its CI includes 0, so it is no improvement.
    const steps = [
      scriptedKeep('a'),
      scriptedReject('a'),
      scriptedReject('a'),
      scriptedKeep('b', { ci: [-0.01, 0.04] }),
      scriptedKeep('z'),
    ];
    const { result, orchestrator, progress } = await run(steps);
    expect(orchestrator.calls).toHaveLength(4);
    expect(result).toMatchObject({ stopRule: 'plateau', exitCode: 0 });
    expect(result.state.plateau_counter).toBe(3);
    expect(progress.map((p) => p.plateauCounter)).toEqual([0, 1, 2, 3]);
  });

  it('oscillation: stops when the target returns to its initial hash', async () => {
    const { result, orchestrator } = await run([scriptedKeep('a'), scriptedKeep('h0'), scriptedKeep('c')]);
    expect(orchestrator.calls).toHaveLength(2);
    expect(result).toMatchObject({ stopRule: 'oscillation', exitCode: 0 });
    expect(result.state.status).toBe('stopped_oscillation');
  });

  it('consecutive_errors: stops after that many failed iterations in a row', async () => {
    const steps = [
      scriptedError('e1'),
      scriptedKeep('a'),
      new Error('e2'),
      scriptedError('e3'),
      new Error('e4'),
      scriptedKeep('b'),
    ];
    const { result, orchestrator } = await run(steps);
    expect(orchestrator.calls).toHaveLength(5);
    expect(result).toMatchObject({ stopRule: 'consecutive_errors', exitCode: 0 });
    expect(result.state.status).toBe('stopped_errors');
    expect(result.state.consecutive_errors).toBe(3);
    expect(result.state.last_failure_trace).toMatch(/^Error: e4\n/);
  });
});

describe('runLoop: iterations', () => {
  it('logs an orchestrator that throws as an error outcome with its stack, and goes on', async () => {
    const { result, store } = await run([new TypeError('no proposer'), scriptedKeep('a')], { maxIterations: 2 });
    expect(result.exitCode).toBe(0);
    const failed = store.log[0]?.outcome;
    expect(failed?.decision).toBe('error');
    expect(failed?.failure).toMatch(/^TypeError: no proposer\n\s+at /);
    expect(result.state.score_history.map((e) => e.decision)).toEqual(['error', 'keep']);
    expect(result.state.consecutive_errors).toBe(0);
    expect(result.state.last_failure_trace).toMatch(/^TypeError: no proposer/);
  });

  it('turns an outcome that fails its schema into an error outcome', async () => {
    const bad = { ...scriptedKeep('a'), spendUsd: Number.NaN };
    const { store } = await run([bad], { maxIterations: 1 });
    expect(store.log[0]?.outcome.decision).toBe('error');
    expect(store.log[0]?.outcome.failure).toContain('returned an invalid outcome');
  });

  it('records an unmetered spend as null in the history, never 0', async () => {
    const { result } = await run([scriptedKeep('a')], { maxIterations: 1 });
    expect(result.state.score_history[0]?.spend_usd).toBeNull();
    expect(result.state.total_cost_usd).toBe(0);
  });

  it('reports progress with the estimate, CI, spend against the cap and the counters', async () => {
    const { progress } = await run([scriptedKeep('a', { ci: [0.01, 0.05], estimate: 0.03, spendUsd: 1.25 })], {
      maxIterations: 1,
      maxCostUsd: 50,
    });
    expect(progress[0]).toMatchObject({
      iteration: 1,
      decision: 'keep',
      score: { estimate: 0.03, low: 0.01, high: 0.05 },
      totalCostUsd: 1.25,
      maxCostUsd: 50,
      plateauCounter: 0,
      consecutiveErrors: 0,
      stop: { rule: 'max_iterations' },
    });
  });
});
