import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { duplicateSignalWindowMs, interruptOnSignal } from './interrupt-on-signal';

/** A fake process: signals are emitted by hand, the clock is set by hand, quits and lines are recorded. */
function fakeProcess() {
  const emitter = new EventEmitter();
  const fake = { emitter, time: 0, quits: [] as number[], lines: [] as string[], controller: new AbortController() };
  const dispose = interruptOnSignal({
    controller: fake.controller,
    emitter,
    now: () => fake.time,
    quit: (code) => fake.quits.push(code),
    stderr: { write: (text: string) => fake.lines.push(text) },
  });
  const at = (ms: number, signal: 'SIGINT' | 'SIGTERM') => {
    fake.time = ms;
    // As `process` does: the listener gets the signal's name.
    emitter.emit(signal, signal);
  };
  return { ...fake, at, dispose };
}

describe('interruptOnSignal', () => {
  it('stops gracefully on the first SIGINT and takes the copies that follow within the window as the same press', () => {
    const fake = fakeProcess();
    fake.at(1000, 'SIGINT');
    expect(fake.controller.signal.aborted).toBe(true);
    // The name the harness reads to leave a cut-short attempt unrecorded, not scored as a failure.
    expect(fake.controller.signal.reason).toMatchObject({ name: 'AbortError', message: 'stopped by SIGINT' });
    expect(fake.lines).toEqual(['\nStopping: keeping every finished cell (Ctrl+C again to quit at once)…\n']);
    // The terminal's SIGINT to the process group, then pnpm's and npm's forwarded copies.
    fake.at(1002, 'SIGINT');
    fake.at(1040, 'SIGINT');
    fake.at(1000 + duplicateSignalWindowMs - 1, 'SIGINT');
    expect(fake.quits).toEqual([]);
    expect(fake.lines).toHaveLength(1);
  });

  it('quits at once with 130 on a press after the window', () => {
    const fake = fakeProcess();
    fake.at(0, 'SIGINT');
    fake.at(5, 'SIGINT');
    fake.at(duplicateSignalWindowMs, 'SIGINT');
    expect(fake.quits).toEqual([130]);
    expect(fake.lines).toHaveLength(1);
  });

  it('treats SIGTERM like SIGINT, and the two as one kind of press', () => {
    const fake = fakeProcess();
    fake.at(0, 'SIGTERM');
    expect(fake.controller.signal.aborted).toBe(true);
    fake.at(10, 'SIGINT');
    expect(fake.quits).toEqual([]);
    fake.at(1500, 'SIGTERM');
    expect(fake.quits).toEqual([130]);
  });

  it('listens no more once disposed', () => {
    const fake = fakeProcess();
    fake.dispose();
    expect(fake.emitter.listenerCount('SIGINT') + fake.emitter.listenerCount('SIGTERM')).toBe(0);
  });
});
