import { type AttemptView, JudgeLeakError, RuntimeError, type StrategyContext } from '@ratchet/runtime';
import type { QuickJSDeferredPromise, QuickJSHandle } from 'quickjs-emscripten-core';
import type { GuestVm } from '../vm/guest-vm';
import { limitFault, ProgramFault } from '../vm/program-fault';
import { attemptIdArgument, GuestInputError, parseShotOptions } from './guest-input';

/** Why the program was stopped: its own fault, or a host error the harness must see as it is. */
export type StopReason = { fault: ProgramFault } | { hostError: unknown };

type Settled = { deferred: QuickJSDeferredPromise } & ({ json: string } | { error: Error });

const stopped = Symbol('stopped');
const noop = () => {};

/**
 * The host side of `ctx`: the functions the guest prelude wraps, each counted against
 * `maxHostCalls`. Sync calls answer at once; `shot` and `observe` return guest promises whose host
 * work runs one at a time, in call order (the same order a native strategy's awaits give), and are
 * settled only when the driver says so. What the runtime throws is sorted here: a judge-origin
 * finding stops the program as its fault; a misuse the runtime refuses (an unknown attempt id) goes
 * back to the guest to catch; anything else (the budget spent, infra, a controller's bug) stops the
 * program and is rethrown to the harness unchanged.
 */
export class HostBridge {
  readonly #vm: GuestVm;
  readonly #cell: StrategyContext | null;
  readonly #random: () => number;
  readonly #deferreds = new Set<QuickJSDeferredPromise>();
  readonly #settled: Settled[] = [];
  readonly #json = new WeakMap<AttemptView, string>();
  #queue: Promise<unknown> = Promise.resolve();
  #inflight = 0;
  #wake: (() => void) | null = null;
  #stop: StopReason | null = null;
  calls = 0;
  attempts = 0;

  /** `cell` is null when compiling: only `random` exists then. */
  constructor(vm: GuestVm, cell: StrategyContext | null, random: () => number) {
    this.#vm = vm;
    this.#cell = cell;
    this.#random = random;
  }

  get stopReason(): StopReason | null {
    return this.#stop;
  }

  /** Stops the program; the first reason wins. */
  stop(reason: StopReason): void {
    this.#stop ??= reason;
    this.#vm.halt();
  }

  /** Host calls still running. */
  get inflight(): number {
    return this.#inflight;
  }

  /** No host call is running or waiting to be delivered: nothing from the host will wake the guest. */
  get idle(): boolean {
    return this.#inflight === 0 && this.#settled.length === 0;
  }

  /** A guest string, once there is room for it. */
  #string(text: string): QuickJSHandle {
    this.#vm.reserve(text.length);
    return this.#vm.context.newString(text);
  }

  /** The object handed to the guest prelude. The caller disposes it. */
  hostObject(): QuickJSHandle {
    const { context } = this.#vm;
    const host = context.newObject();
    const set = (key: string, value: QuickJSHandle) => {
      context.setProp(host, key, value);
      value.dispose();
    };
    set(
      'random',
      this.#fn('random', () => context.newNumber(this.#random())),
    );
    const cell = this.#cell;
    if (cell === null) return host;
    set('task', this.#string(JSON.stringify(cell.task)));
    set('k', context.newNumber(cell.k));
    set(
      'history',
      this.#fn('history', () => context.newString(this.#historyJson(cell))),
    );
    set(
      'remaining',
      this.#fn('remaining', () => context.newString(JSON.stringify(cell.remaining()))),
    );
    set(
      'topology',
      this.#fn('topology', () => context.newString(cell.topology())),
    );
    set(
      'stop',
      this.#fn('stop', () => (cell.stop() ? context.true : context.false)),
    );
    set(
      'choose',
      this.#fn('choose', (id) => {
        cell.choose(attemptIdArgument('choose', this.#stringArg(id)));
        return undefined;
      }),
    );
    set(
      'shot',
      this.#fn('shot', (json) => {
        const options = this.#stringArg(json);
        return this.#async(async () => {
          const view = await cell.shot(parseShotOptions(options));
          this.attempts++;
          return this.#viewJson(view);
        });
      }),
    );
    set(
      'observe',
      this.#fn('observe', (id) => {
        const attemptId = this.#stringArg(id);
        return this.#async(async () => {
          const wanted = attemptIdArgument('observe', attemptId);
          const view = cell.history.find((attempt) => attempt.attemptId === wanted);
          if (!view) throw new RuntimeError(`observe("${wanted}"): no attempt with that id in this cell`);
          return JSON.stringify(await cell.observe(view));
        });
      }),
    );
    return host;
  }

  /** Waits until a host call settles (or none is running). */
  async nextSettlement(): Promise<void> {
    if (this.#settled.length > 0 || this.#inflight === 0) return;
    await new Promise<void>((resolve) => {
      this.#wake = resolve;
    });
  }

  /** Settles the guest promises of the host calls that finished; the guest runs when jobs run next. */
  deliver(): void {
    for (let settled = this.#settled.shift(); settled; settled = this.#settled.shift()) {
      this.#deferreds.delete(settled.deferred);
      try {
        if (this.#stop === null) this.#settle(settled);
      } catch (error) {
        if (!(error instanceof ProgramFault)) throw error;
        this.stop({ fault: error });
      } finally {
        if (!this.#vm.broken) settled.deferred.dispose();
      }
    }
  }

  #settle(settled: Settled): void {
    const { context } = this.#vm;
    this.#vm.enter(() => {
      this.#vm.reserve('json' in settled ? settled.json.length : settled.error.message.length);
      const value =
        'json' in settled
          ? context.newString(settled.json)
          : context.newError({
              name: settled.error.name === 'TypeError' ? 'TypeError' : 'Error',
              message: settled.error.message,
            });
      try {
        if ('json' in settled) settled.deferred.resolve(value);
        else settled.deferred.reject(value);
      } finally {
        value.dispose();
      }
    });
  }

  /** Waits for every host call still running, so no attempt is recorded after the cell. */
  async drain(): Promise<void> {
    while (this.#inflight > 0) await this.nextSettlement().then(() => this.#settled.length && this.#drop());
    this.#drop();
  }

  /** Frees the guest promises never settled. Call before the engine is disposed. */
  dispose(): void {
    for (const deferred of this.#deferreds) if (!this.#vm.broken) deferred.dispose();
    this.#deferreds.clear();
    this.#settled.length = 0;
  }

  #drop(): void {
    for (const settled of this.#settled.splice(0)) {
      this.#deferreds.delete(settled.deferred);
      if (!this.#vm.broken) settled.deferred.dispose();
    }
  }

  /**
   * A host function: counted, and sorted by what it throws. Once the program is stopped it answers
   * `undefined` rather than throwing: making an error is an allocation, and the stop may be that the
   * guest's memory is spent. The guest is interrupted at its next check either way.
   */
  #fn(name: string, body: (...args: QuickJSHandle[]) => QuickJSHandle | undefined): QuickJSHandle {
    return this.#vm.context.newFunction(name, (...args) => {
      if (this.#stop !== null) return undefined;
      if (++this.calls > this.#vm.limits.maxHostCalls) {
        this.stop({ fault: limitFault('host-calls', this.#vm.limits) });
        return undefined;
      }
      try {
        this.#vm.reserve(0);
        return body(...args);
      } catch (error) {
        if (error instanceof ProgramFault) this.stop({ fault: error });
        else {
          // The engine failed under this call: it is broken whatever the guest makes of it.
          const engineFault = this.#vm.engineFault(error);
          if (engineFault) {
            this.#vm.breakWith(engineFault);
            this.stop({ fault: engineFault });
          } else if (this.#sort(error) === 'guest') throw error;
        }
        return undefined;
      }
    });
  }

  #async(work: () => Promise<string>): QuickJSHandle {
    const deferred = this.#vm.context.newPromise();
    this.#deferreds.add(deferred);
    this.#inflight++;
    const run = this.#queue.then(() => (this.#stop === null ? work() : Promise.reject(stopped)));
    this.#queue = run.then(noop, noop);
    run
      .then(
        (json) => void this.#settled.push({ deferred, json }),
        (error: unknown) => {
          if (error !== stopped && this.#sort(error) === 'guest')
            this.#settled.push({ deferred, error: error as Error });
          else this.#settled.push({ deferred, error: new Error('the program was stopped') });
        },
      )
      .finally(() => {
        this.#inflight--;
        this.#wake?.();
        this.#wake = null;
      });
    return deferred.handle;
  }

  /** Where a host error goes: back to the guest, or it stops the program. */
  #sort(error: unknown): 'guest' | 'stopped' {
    if (error instanceof GuestInputError) return 'guest';
    if (JudgeLeakError.isInstance(error)) {
      this.stop({
        fault: new ProgramFault('judge-leak', `the program handed a judge-origin finding to shot: ${error.message}`, {
          cause: error,
        }),
      });
      return 'stopped';
    }
    if (RuntimeError.isInstance(error) && (error as Error).name === 'RuntimeError') return 'guest';
    this.stop({ hostError: error });
    return 'stopped';
  }

  #stringArg(handle: QuickJSHandle | undefined): string | null {
    const { context } = this.#vm;
    return handle !== undefined && context.typeof(handle) === 'string' ? context.getString(handle) : null;
  }

  #viewJson(view: AttemptView): string {
    let json = this.#json.get(view);
    if (json === undefined) {
      json = JSON.stringify(view);
      this.#json.set(view, json);
    }
    return json;
  }

  #historyJson(cell: StrategyContext): string {
    return `[${cell.history.map((view) => this.#viewJson(view)).join(',')}]`;
  }
}
