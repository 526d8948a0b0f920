import type { StrategyContext } from '@ratchet/runtime';
import type { QuickJSHandle } from 'quickjs-emscripten-core';
import { leaseEngine } from '../engine/engine-pool';
import { HostBridge, type StopReason } from '../host/host-bridge';
import type { SandboxLimits } from '../sandbox-limits';
import { guestPrelude } from './guest-prelude';
import { programFile } from './guest-throw';
import { GuestVm } from './guest-vm';
import { limitFault, ProgramFault } from './program-fault';

/** One program in one fresh engine: its module loaded, its `ctx` built (in a cell), its handles owned. */
export class ProgramSession {
  readonly vm: GuestVm;
  readonly bridge: HostBridge;
  /** The guest's `ctx`; undefined when compiling. */
  ctx: QuickJSHandle | undefined;
  readonly #owned: QuickJSHandle[] = [];

  constructor(vm: GuestVm, bridge: HostBridge) {
    this.vm = vm;
    this.bridge = bridge;
  }

  own(handle: QuickJSHandle): QuickJSHandle {
    this.#owned.push(handle);
    return handle;
  }

  /** Runs the prelude: the constant clock, the seeded `Math.random`, and (in a cell) `ctx`. */
  install(): void {
    const install = this.own(this.vm.evalScript(guestPrelude, 'ratchet-prelude.js'));
    const host = this.bridge.hostObject();
    try {
      const ctx = this.own(this.vm.call(install, host));
      this.ctx = this.vm.context.typeof(ctx) === 'object' ? ctx : undefined;
    } finally {
      host.dispose();
    }
  }

  /** Evaluates the program's module and waits out a top-level await: its namespace. */
  async load(source: string): Promise<QuickJSHandle> {
    return this.settle(this.own(this.vm.evalModule(source, programFile)));
  }

  /**
   * Runs the guest until `promise` settles, handing it each host call's result as it comes.
   * @throws {ProgramFault} when it rejects, hits a limit, or waits on nothing that can ever settle.
   */
  async settle(promise: QuickJSHandle): Promise<QuickJSHandle> {
    for (;;) {
      this.vm.runJobs();
      if (this.bridge.stopReason) throw new ProgramFault('threw', 'the program was stopped');
      // Interrupted jobs do not always reject what awaited them: past the limit, the limit is the cause.
      if (this.vm.meter.exceeded) throw limitFault('cpu', this.vm.limits);
      const settlement = this.vm.settlement(promise);
      if (settlement.state === 'fulfilled') return this.own(settlement.value);
      if (this.bridge.idle) {
        throw new ProgramFault(
          'never-settled',
          'the program waits on a promise nothing will settle (only ctx.shot and ctx.observe resolve later; there are no timers)',
        );
      }
      await this.bridge.nextSettlement();
      this.bridge.deliver();
    }
  }

  /**
   * Waits for host calls still running, then frees every handle, the context and the runtime, and
   * says whether the engine may serve another cell. An engine that broke, ran out of memory or grew
   * past half its cap is not freed piece by piece but dropped whole: out of memory, QuickJS and
   * quickjs-emscripten can leave objects they could not free (QuickJS then aborts at dispose), and no
   * later cell should run on an engine a program pushed that far.
   */
  async close(reusable: boolean): Promise<boolean> {
    await this.bridge.drain();
    if (!reusable || this.vm.broken || this.vm.strained) return false;
    for (const handle of this.#owned) if (handle.alive) handle.dispose();
    this.bridge.dispose();
    return this.vm.dispose();
  }
}

/** How a session ended: fine, the program's fault, or a host error to rethrow as it is. */
export type SessionOutcome<T> = { value: T } | StopReason;

/**
 * Opens a session in a leased engine, runs `body`, and closes it whatever happened. A stop the bridge
 * recorded (a limit, a judge leak, a host error) wins over what the guest saw of it (`interrupted`).
 * An error that is neither a fault nor a stop is a bug here, and is thrown.
 */
export async function withSession<T>(
  limits: SandboxLimits,
  cell: StrategyContext | null,
  random: () => number,
  body: (session: ProgramSession) => Promise<T>,
): Promise<SessionOutcome<T>> {
  const lease = await leaseEngine(limits.memoryBytes);
  let healthy = false;
  let outcome: SessionOutcome<T> | undefined;
  let bug: unknown;
  try {
    const vm = GuestVm.open(lease.module, limits);
    const session = new ProgramSession(vm, new HostBridge(vm, cell, random));
    try {
      outcome = { value: await body(session) };
    } catch (error) {
      if (session.bridge.stopReason) outcome = session.bridge.stopReason;
      else if (error instanceof ProgramFault) outcome = { fault: error };
      else bug = error;
    }
    const stopped = session.bridge.stopReason;
    if (stopped && outcome && 'value' in outcome) outcome = stopped;
    const fault = outcome && 'fault' in outcome ? outcome.fault : undefined;
    try {
      healthy = await session.close(fault?.kind !== 'memory' && fault?.kind !== 'engine');
    } catch (error) {
      // A handle left behind is this package's bug: loud, unless the program had already failed.
      if (outcome === undefined || 'value' in outcome) bug ??= error;
    }
  } finally {
    lease.release(healthy);
  }
  if (bug !== undefined || outcome === undefined) throw bug;
  return outcome;
}
