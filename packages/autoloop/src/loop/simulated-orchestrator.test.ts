import { describe, expect, it } from 'vitest';
import type { IterationContext, IterationOutcome } from '../autoloop-types';
import { MemoryStateStore } from './memory-state-store';
import type { MeteredIterationContext } from './metered-context';
import { runLoop } from './run-loop';
import { simulatedOrchestrator } from './simulated-orchestrator';

function context(iteration: number, extra: Partial<MeteredIterationContext> = {}): IterationContext {
  return { iteration, signal: new AbortController().signal, remainingUsd: null, ...extra };
}

async function outcomes(seed: number, n: number, options = {}): Promise<IterationOutcome[]> {
  const sim = simulatedOrchestrator({ seed, ...options });
  const out: IterationOutcome[] = [];
  for (let i = 1; i <= n; i++) out.push(await sim.iterate(context(i)));
  return out;
}

describe('simulatedOrchestrator', () => {
  it('gives the same outcomes for the same seed, and different ones for another seed', async () => {
    expect(await outcomes(7, 6)).toEqual(await outcomes(7, 6));
    expect(await outcomes(7, 6)).not.toEqual(await outcomes(8, 6));
  });

  it('keeps exactly when the CI lower bound is above 0, and moves the target only on a keep', async () => {
    const all = await outcomes(3, 40, { errorRate: 0 });
    for (const o of all) {
      expect(o.decision).toBe((o.score?.low ?? 0) > 0 ? 'keep' : 'reject');
      expect(o.targetHash === null).toBe(o.decision !== 'keep');
    }
    const keeps = all.filter((o) => o.decision === 'keep');
    expect(keeps.length).toBeGreaterThan(0);
    expect(keeps.length).toBeLessThan(all.length);
    expect(new Set(keeps.map((o) => o.targetHash)).size).toBe(keeps.length);
  });

  it('spends nothing unless a fake cost is asked for, then reports it', async () => {
    expect((await outcomes(1, 5)).every((o) => o.spendUsd === null)).toBe(true);
    const costed = await outcomes(1, 5, { costPerIterationUsd: 2 });
    for (const o of costed) {
      expect(o.spendUsd).toBeGreaterThanOrEqual(1.5);
      expect(o.spendUsd).toBeLessThanOrEqual(2.5);
    }
  });

  it('fails some iterations at the error rate it is given', async () => {
    const all = await outcomes(11, 200, { errorRate: 0.25 });
    const errors = all.filter((o) => o.decision === 'error').length;
    // 200 draws at p = 0.25: mean 50, sd ≈ 6.1; [30, 70] is beyond ±3 sd.
    expect(errors).toBeGreaterThan(30);
    expect(errors).toBeLessThan(70);
    expect(all.find((o) => o.decision === 'error')?.failure).toMatch(/^Error: simulated failure in iteration \d+/);
  });

  it('reports spend while it works and stops when its signal aborts', async () => {
    const controller = new AbortController();
    const reported: number[] = [];
    const sim = simulatedOrchestrator({ seed: 1, costPerIterationUsd: 4, delayMs: 20 });
    const running = sim.iterate(
      context(1, {
        signal: controller.signal,
        onSpend: (usd) => {
          reported.push(usd);
          controller.abort(new Error('cap'));
        },
      }),
    );
    await expect(running).rejects.toThrow('cap');
    expect(reported).toHaveLength(1);
    expect(reported[0]).toBeGreaterThan(1.5);
  });

  it('drives a dry run of runLoop to a stop rule with no spend', async () => {
    const store = new MemoryStateStore();
    const result = await runLoop({
      orchestrator: simulatedOrchestrator({ seed: 42 }),
      settings: {
        maxIterations: 30,
        maxCostUsd: 50,
        plateauWindow: 3,
        cooldownMinutes: 0,
        mode: 'single-run',
        maxConsecutiveErrors: 3,
        minImprovement: 0,
        dryRun: true,
      },
      store,
      target: 'examples/dsl-controller',
      signal: new AbortController().signal,
    });
    expect(result.exitCode).toBe(0);
    expect(result.stopRule).not.toBeNull();
    expect(result.state.total_cost_usd).toBe(0);
    expect(store.log).toHaveLength(result.state.iterations_completed);
  });
});
