import { describe, expect, it } from 'vitest';
import type { SolverRunner } from '../solver-runner';
import { inProcessRunner } from '../solver-runner';
import { DslOptionsError } from './dsl-options-error';
import { dslTask } from './dsl-tasks';
import { dslWorker } from './dsl-worker';
import { makeAttemptInput } from './make-attempt-input';
import { searchParametersSchema } from './search-parameters';

const signal = new AbortController().signal;
const outputEvent = (events: readonly { type: string; data: unknown }[]) =>
  events.find((event) => event.type === 'output')?.data as Record<string, unknown>;

describe('dslWorker', () => {
  it('solves an easy task and reports steps, depth and score in its trace, and its steps as work units', async () => {
    // Seed 0, task 1 is (length xs).
    const worker = dslWorker();
    const result = await worker.attempt(makeAttemptInput(dslTask(0, 1)), signal);
    expect(result.output).toBe('(length xs)');
    expect(outputEvent(result.events)).toMatchObject({ solved: true, bestScore: 1, depth: 1, maxDepth: 4 });
    expect(worker.workUnit).toBe('search steps');
    expect(result.usage).toMatchObject({ turns: null, tokensIn: null, tokensOut: null, usd: null });
    expect(result.usage.workUnits).toBe(outputEvent(result.events).steps);
    expect(result.usage.workUnits).toBeGreaterThan(0);
  });

  it('gives the same output and trace for the same seed', async () => {
    const worker = dslWorker({ budget: 4_000 });
    const input = makeAttemptInput(dslTask(0, 5), { seed: 'same' });
    const [a, b] = [await worker.attempt(input, signal), await worker.attempt(input, signal)];
    expect(b).toEqual(a);
    expect(outputEvent(a.events)).toMatchObject({ solved: false, steps: 4_000 });
  });

  it('continues from its checkpoint: the second attempt starts at the first one’s step count', async () => {
    const worker = dslWorker({ budget: 3_000 });
    const task = dslTask(0, 7);
    const first = await worker.attempt(makeAttemptInput(task, { seed: 'one' }), signal);
    const second = await worker.attempt(
      makeAttemptInput(task, { seed: 'two', checkpoint: first.checkpoint ?? null }),
      signal,
    );
    expect(second.events[0]?.data).toMatchObject({ kind: 'start', resumedAtStep: 3_000 });
    expect(outputEvent(second.events).totalSteps).toBe(3_000 + Number(outputEvent(second.events).steps));
    // A checkpoint from another task is not continued: the search starts over.
    const other = await worker.attempt(
      makeAttemptInput(dslTask(0, 1), { checkpoint: first.checkpoint ?? null }),
      signal,
    );
    expect(other.events[0]?.data).toMatchObject({ resumedAtStep: null });
  });

  it('reads steer parameters, ignoring keys it does not know', async () => {
    const steer = { text: 'go deeper', parameters: { maxDepth: 2, colour: 'red', priors: { sum: 5 } } };
    const result = await dslWorker({ budget: 500 }).attempt(makeAttemptInput(dslTask(0, 5), { steer }), signal);
    expect(result.events[0]?.data).toEqual({
      kind: 'start',
      budget: 500,
      resumedAtStep: null,
      parameters: { maxDepth: 2, focusWeight: 3, priors: { sum: 5 }, focus: [], library: [] },
    });
    expect(outputEvent(result.events)).toMatchObject({ maxDepth: 2 });
  });

  it('declares the steer parameters it reads, and refuses an invalid known one instead of dropping it', async () => {
    const worker = dslWorker({ budget: 500 });
    expect(worker.steerParameters).toBe(searchParametersSchema);
    const steer = { text: '', parameters: { focusWeight: -3 } };
    await expect(worker.attempt(makeAttemptInput(dslTask(0, 5), { steer }), signal)).rejects.toThrow(
      /dslWorker steer\.parameters: invalid options: focusWeight: /,
    );
  });

  it('stops between solver slices when the signal aborts', async () => {
    const controller = new AbortController();
    let calls = 0;
    const runner: SolverRunner = {
      async run(solver, request, runSignal) {
        calls++;
        if (calls === 2) controller.abort(new Error('stop'));
        return inProcessRunner.run(solver, request, runSignal);
      },
      close: async () => {},
    };
    const worker = dslWorker({ budget: 20_000, sliceSteps: 1_000, runner });
    await expect(worker.attempt(makeAttemptInput(dslTask(0, 5)), controller.signal)).rejects.toThrow('stop');
    expect(calls).toBe(2);
  });

  it('refuses invalid options with a DslOptionsError', () => {
    expect(() => dslWorker({ budget: 0 })).toThrow(DslOptionsError);
  });
});
