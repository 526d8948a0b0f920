import { describe, expect, it } from 'vitest';
import type { LoopSettings, StateStore } from '../autoloop-types';
import { engineTestSettings } from '../test/autoloop-fixtures';
import { InvalidLoopSettingsError } from './invalid-loop-settings-error';
import { MemoryStateStore } from './memory-state-store';
import { type RunLoopOptions, runLoop } from './run-loop';
import {
  type ScriptStep,
  scriptedError,
  scriptedKeep,
  scriptedOrchestrator,
  scriptedReject,
} from './scripted-orchestrator';
import { StateTargetMismatchError } from './state-target-mismatch-error';

const settings: LoopSettings = engineTestSettings;
const start = Date.parse('2025-01-01T00:00:00Z');
const minute = 60_000;

/** A clock that only moves when a test's sleep moves it. */
function clock() {
  let t = start;
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

type OptionsPatch = Partial<Omit<RunLoopOptions, 'settings'>> & { settings?: Partial<LoopSettings> };

function options(
  steps: ScriptStep[] | ReturnType<typeof scriptedOrchestrator>,
  patch: OptionsPatch = {},
): RunLoopOptions {
  return {
    orchestrator: Array.isArray(steps) ? scriptedOrchestrator(steps) : steps,
    store: new MemoryStateStore(),
    target: 'examples/dsl-controller',
    signal: new AbortController().signal,
    now: () => new Date(start),
    ...patch,
    settings: { ...settings, ...patch.settings },
  };
}

describe('runLoop: resume', () => {
  it('counts consecutive errors across invocations and numbers iterations on', async () => {
    const store = new MemoryStateStore();
    const scheduled = { mode: 'scheduled', cooldownMinutes: 0 } as const;
    const first = await runLoop(
      options([scriptedKeep('a'), scriptedError('e1')], { store, settings: { maxIterations: 2 } }),
    );
    expect(first).toMatchObject({ stopRule: 'max_iterations', exitCode: 0 });
    expect(first.state.consecutive_errors).toBe(1);

    const orchestrator = scriptedOrchestrator([new Error('e2'), scriptedError('e3'), scriptedKeep('z')]);
    const second = await runLoop(options(orchestrator, { store, settings: { maxIterations: 10, ...scheduled } }));
    expect(second).toMatchObject({ stopRule: null, exitCode: 0 });
    expect(second.state.consecutive_errors).toBe(2);
    const third = await runLoop(options(orchestrator, { store, settings: { maxIterations: 10, ...scheduled } }));
    expect(third).toMatchObject({ stopRule: 'consecutive_errors', exitCode: 0 });
    expect(orchestrator.calls.map((c) => c.iteration)).toEqual([3, 4]);
    expect(store.log.map((l) => l.iteration)).toEqual([1, 2, 3, 4]);
    expect(third.state.iterations_completed).toBe(4);
  });

  it('keeps a loop stopped by a rule stopped when run again, without calling the orchestrator', async () => {
    const store = new MemoryStateStore();
    await runLoop(options([scriptedKeep('a'), scriptedKeep('h0')], { store }));
    const orchestrator = scriptedOrchestrator([scriptedKeep('b')]);
    const again = await runLoop(options(orchestrator, { store }));
    expect(again).toMatchObject({ stopRule: 'oscillation', exitCode: 0 });
    expect(orchestrator.calls).toHaveLength(0);
  });

  it('remembers the initial hash across invocations, so a return to it is seen after a resume', async () => {
    const store = new MemoryStateStore();
    await runLoop(options([scriptedKeep('a')], { store, settings: { maxIterations: 1 } }));
    const resumed = scriptedOrchestrator([scriptedKeep('h0')], { initialHash: 'a' });
    const result = await runLoop(options(resumed, { store }));
    expect(result.stopRule).toBe('oscillation');
  });

  it('refuses a state of another target and leaves it untouched', async () => {
    const store = new MemoryStateStore();
    await runLoop(options([scriptedKeep('a')], { store, settings: { maxIterations: 1 } }));
    const writes = store.writeCount;
    await expect(runLoop(options([], { store, target: 'other' }))).rejects.toThrow(StateTargetMismatchError);
    expect(store.writeCount).toBe(writes);
  });

  it('refuses settings out of range before touching the store', async () => {
    const store = new MemoryStateStore();
    await expect(runLoop(options([], { store, settings: { plateauWindow: 0 } }))).rejects.toThrow(
      InvalidLoopSettingsError,
    );
    expect(store.writeCount).toBe(0);
  });
});

describe('runLoop: signals and errors', () => {
  it('on a signal mid-iteration saves `interrupted`, exits 130, and runs the iteration again on resume', async () => {
    const controller = new AbortController();
    const store = new MemoryStateStore();
    const hang: ScriptStep = (context) =>
      new Promise((_, reject) => {
        context.signal.addEventListener('abort', () => reject(context.signal.reason));
        controller.abort(new Error('SIGINT'));
      });
    const result = await runLoop(options([scriptedKeep('a'), hang], { store, signal: controller.signal }));
    expect(result).toMatchObject({ stopRule: null, exitCode: 130 });
    expect(store.state?.status).toBe('interrupted');
    expect(store.state?.iterations_completed).toBe(1);
    expect(store.state?.consecutive_errors).toBe(0);
    expect(store.log.map((l) => [l.iteration, l.outcome.decision])).toEqual([
      [1, 'keep'],
      [2, 'error'],
    ]);
    expect(store.log[1]?.outcome.failure).toMatch(/^interrupted: Error: SIGINT/);

    const resumed = scriptedOrchestrator([scriptedKeep('b')]);
    const after = await runLoop(options(resumed, { store, settings: { maxIterations: 2 } }));
    expect(resumed.calls[0]?.iteration).toBe(2);
    expect(after.state.status).toBe('stopped_max_iterations');
  });

  it('saves `error` with the trace and exits 1 when something outside an iteration throws', async () => {
    const store = new MemoryStateStore();
    const broken: StateStore = {
      read: () => store.read(),
      write: (s) => store.write(s),
      appendLog: (e) => store.appendLog(e),
      writeHandoff: async () => {
        throw new Error('disk full');
      },
    };
    const result = await runLoop(options([scriptedKeep('a')], { store: broken }));
    expect(result).toMatchObject({ stopRule: null, exitCode: 1 });
    expect(store.state?.status).toBe('error');
    expect(store.state?.stop_reason).toBe('error outside an iteration: disk full');
    expect(store.state?.last_failure_trace).toMatch(/^Error: disk full\n/);
  });
});

describe('runLoop: modes', () => {
  it('scheduled: runs one iteration, sets next_run_at = now + cooldown, stays running', async () => {
    const store = new MemoryStateStore();
    const orchestrator = scriptedOrchestrator([scriptedKeep('a'), scriptedReject('a')]);
    const result = await runLoop(options(orchestrator, { store, settings: { mode: 'scheduled' } }));
    expect(result).toMatchObject({ stopRule: null, exitCode: 0 });
    expect(orchestrator.calls).toHaveLength(1);
    expect(store.state).toMatchObject({ status: 'running', next_run_at: '2025-01-01T00:30:00.000Z' });
  });

  it('scheduled: a run before next_run_at does nothing; one after runs the next iteration', async () => {
    const store = new MemoryStateStore();
    const time = clock();
    const orchestrator = scriptedOrchestrator([scriptedKeep('a'), scriptedReject('a')]);
    const scheduled = { store, now: time.now, settings: { mode: 'scheduled' as const } };
    await runLoop(options(orchestrator, scheduled));
    time.advance(29 * minute);
    const early = await runLoop(options(orchestrator, scheduled));
    expect(early.exitCode).toBe(0);
    expect(orchestrator.calls).toHaveLength(1);
    time.advance(minute);
    await runLoop(options(orchestrator, scheduled));
    expect(orchestrator.calls).toHaveLength(2);
    expect(store.state?.next_run_at).toBe('2025-01-01T01:00:00.000Z');
  });

  it('scheduled: a rule that fires ends the status running and clears next_run_at', async () => {
    const store = new MemoryStateStore();
    const result = await runLoop(
      options([scriptedKeep('a')], { store, settings: { mode: 'scheduled', maxIterations: 1 } }),
    );
    expect(store.state).toMatchObject({ status: 'stopped_max_iterations', next_run_at: null });
    expect(result.stopRule).toBe('max_iterations');
  });

  it('continuous: sleeps the cooldown between iterations, and a signal in the sleep interrupts', async () => {
    const time = clock();
    const controller = new AbortController();
    const sleeps: number[] = [];
    const sleep = async (ms: number) => {
      sleeps.push(ms);
      time.advance(ms);
      if (sleeps.length === 2) controller.abort();
    };
    const orchestrator = scriptedOrchestrator([scriptedKeep('a'), scriptedKeep('b'), scriptedKeep('c')]);
    const store = new MemoryStateStore();
    const result = await runLoop(
      options(orchestrator, {
        store,
        now: time.now,
        sleep,
        signal: controller.signal,
        settings: { mode: 'continuous' },
      }),
    );
    expect(sleeps).toEqual([30 * minute, 30 * minute]);
    expect(orchestrator.calls).toHaveLength(2);
    expect(result.exitCode).toBe(130);
    expect(store.state).toMatchObject({
      status: 'interrupted',
      stop_reason: 'interrupted by a signal during the cooldown',
    });
  });
});
