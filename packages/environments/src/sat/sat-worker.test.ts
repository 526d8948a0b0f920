import type { AttemptInput, AttemptResult } from '@ratchet/runtime';
import { describe, expect, it } from 'vitest';
import { walkSatSummary } from './sat-analyst';
import { SatOptionsError } from './sat-options-error';
import { satSteerParametersSchema } from './sat-search-settings';
import { type SatInput, satTasks } from './sat-tasks';
import { satWorker } from './sat-worker';

const tasks = satTasks({ count: 40, seed: 0 });
const budget = { attempts: 1, usd: null, tokens: null, wallMs: null };
const signal = new AbortController().signal;

function input(index: number, seed: string, extra: Partial<AttemptInput<SatInput>> = {}): AttemptInput<SatInput> {
  const task = tasks[index] ?? tasks[0];
  if (!task) throw new Error('no task');
  return {
    task: { id: task.id, split: task.split, input: task.input },
    handle: null,
    steer: null,
    checkpoint: null,
    budget,
    seed,
    ...extra,
  };
}

const summaryOf = (result: AttemptResult) =>
  walkSatSummary({ events: result.events } as never) ?? { bestUnsatisfied: -1, startUnsatisfied: -1, noise: -1 };

describe('satWorker', () => {
  it('gives the same output and trace for the same attempt seed', async () => {
    const worker = satWorker({ flips: 400 });
    const first = await worker.attempt(input(7, 'seed-a'), signal);
    expect(await worker.attempt(input(7, 'seed-a'), signal)).toEqual(first);
    expect((await worker.attempt(input(7, 'seed-b'), signal)).output).not.toEqual(first.output);
  });

  it('outputs a bit string, counts flips as work units and leaves its best assignment as the checkpoint', async () => {
    const worker = satWorker({ flips: 50 });
    const result = await worker.attempt(input(0, 's'), signal);
    expect(result.output).toMatch(new RegExp(`^[01]{${tasks[0]?.input.variables}}$`));
    expect(result.checkpoint).toEqual({ assignment: result.output });
    expect(worker.workUnit).toBe('flips');
    expect(result.usage).toMatchObject({ workUnits: 50, turns: null, usd: null, costProvenance: 'unknown' });
  });

  it('resumes from a checkpoint: the continued search starts at the best it was left with', async () => {
    const worker = satWorker({ flips: 60 });
    const large = tasks.findIndex((task) => task.input.variables >= 130);
    const first = await worker.attempt(input(large, 'first'), signal);
    const resumed = await worker.attempt(input(large, 'second', { checkpoint: first.checkpoint ?? null }), signal);
    expect(summaryOf(resumed).startUnsatisfied).toBe(summaryOf(first).bestUnsatisfied);
    const fresh = await worker.attempt(input(large, 'second'), signal);
    expect(summaryOf(fresh).startUnsatisfied).toBeGreaterThan(summaryOf(first).bestUnsatisfied);
  });

  it('spends fewer total flips over 40 tasks when each 50-flip attempt continues than when it starts over', async () => {
    // Resuming keeps the descent already made: about 6% fewer flips at 50 flips per attempt on four
    // seed sets. WalkSAT's plateau phase is close to memoryless, so at budgets of 200+ flips the two
    // are within noise of each other.
    const worker = satWorker({ flips: 50 });
    const totals = { resumed: 0, fresh: 0 };
    for (const [index] of tasks.entries()) {
      for (const mode of ['resumed', 'fresh'] as const) {
        let checkpoint: AttemptResult['checkpoint'] | null = null;
        for (let attempt = 0; attempt < 10; attempt++) {
          const result = await worker.attempt(input(index, `chain/${attempt}`, { checkpoint }), signal);
          totals[mode] += result.usage.workUnits ?? 0;
          if (summaryOf(result).bestUnsatisfied === 0) break;
          if (mode === 'resumed') checkpoint = result.checkpoint ?? null;
        }
      }
    }
    expect(totals.resumed).toBeLessThan(totals.fresh);
  });

  it('takes noise, restarts and focus from the steer, and refuses a noise above 1', async () => {
    const worker = satWorker({ flips: 300 });
    const steer = {
      text: 'hotter',
      parameters: { noise: 0.6, restartEvery: 100, restartFrom: 'best', focus: 'oldest' },
    };
    const result = await worker.attempt(input(30, 's', { steer }), signal);
    const summary = result.events.find((event) => event.type === 'log')?.data;
    expect(summary).toMatchObject({ noise: 0.6, restartEvery: 100, restartFrom: 'best', focus: 'oldest' });
    await expect(
      worker.attempt(input(30, 's', { steer: { text: '', parameters: { noise: 1.5 } } }), signal),
    ).rejects.toThrow(SatOptionsError);
    expect(() => satWorker({ flips: 0 })).toThrow(/flips/);
    expect(worker.steerParameters).toBe(satSteerParametersSchema);
  });
});
