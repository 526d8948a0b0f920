import type { QuickJSContext, QuickJSHandle, QuickJSRuntime, QuickJSWASMModule } from 'quickjs-emscripten-core';
import { CpuMeter } from '../engine/cpu-meter';
import { webAssembly } from '../engine/webassembly';
import type { SandboxLimits } from '../sandbox-limits';
import { faultOfThrow, readGuestThrow } from './guest-throw';
import { limitFault, ProgramFault } from './program-fault';

/** A guest promise's state, its value disposed by the caller when fulfilled. */
export type GuestSettlement =
  | { state: 'pending' }
  | { state: 'fulfilled'; value: QuickJSHandle }
  | { state: 'rejected' };

/**
 * One fresh QuickJS runtime and context with the cell's limits: a stack limit, an allocation limit,
 * and an interrupt handler that stops the guest once its CPU time is spent or the host halts it.
 * Every entry into the engine goes through `enter`, which meters it and turns what escapes the engine
 * itself (the host stack running out mid-call, a trap) into a fault that leaves the engine `broken`:
 * it is then never touched again, not even to dispose it.
 */
export class GuestVm {
  readonly runtime: QuickJSRuntime;
  readonly context: QuickJSContext;
  readonly meter: CpuMeter;
  readonly limits: SandboxLimits;
  #halted = false;
  #broken = false;

  private constructor(module: QuickJSWASMModule, limits: SandboxLimits) {
    this.limits = limits;
    this.meter = new CpuMeter(limits.cpuMs);
    this.runtime = module.newRuntime();
    this.runtime.setMaxStackSize(limits.stackBytes);
    this.runtime.setMemoryLimit(limits.memoryBytes);
    this.runtime.setInterruptHandler(() => this.#halted || this.meter.exceeded);
    this.context = this.runtime.newContext();
  }

  static open(module: QuickJSWASMModule, limits: SandboxLimits): GuestVm {
    return new GuestVm(module, limits);
  }

  get broken(): boolean {
    return this.#broken;
  }

  /** Stops the guest at the engine's next interrupt check; nothing it could catch. */
  halt(): void {
    this.#halted = true;
  }

  /**
   * Runs `work` as guest time.
   * @throws {ProgramFault} `stack` or `engine` when the engine itself threw; the engine is then broken.
   */
  enter<T>(work: () => T): T {
    if (this.#broken) throw new ProgramFault('engine', 'the sandbox engine is no longer usable');
    try {
      return this.meter.measure(work);
    } catch (error) {
      if (error instanceof ProgramFault) throw error;
      if (error instanceof RangeError && /call stack/i.test(error.message)) {
        this.#broken = true;
        throw limitFault('stack', this.limits);
      }
      if (error instanceof webAssembly.RuntimeError) {
        this.#broken = true;
        throw new ProgramFault('engine', `the sandbox engine stopped: ${error.message}`, { cause: error });
      }
      throw error;
    }
  }

  /** Evaluates global code; its value, or the fault it threw. */
  evalScript(code: string, file: string): QuickJSHandle {
    return this.#unwrap(this.enter(() => this.context.evalCode(code, file, { type: 'global', strict: true })));
  }

  /** Evaluates the program as a module: its namespace, or a promise of it when it awaits at top level. */
  evalModule(source: string, file: string): QuickJSHandle {
    return this.#unwrap(this.enter(() => this.context.evalCode(source, file, { type: 'module' })));
  }

  call(fn: QuickJSHandle, ...args: QuickJSHandle[]): QuickJSHandle {
    return this.#unwrap(this.enter(() => this.context.callFunction(fn, this.context.undefined, ...args)));
  }

  /** Runs every pending promise job (the guest's `await`s); a limit hit while doing so is the fault. */
  runJobs(): void {
    const result = this.enter(() => this.runtime.executePendingJobs());
    if (result.error) throw this.fault(result.error);
  }

  get hasPendingJobs(): boolean {
    return this.enter(() => this.runtime.hasPendingJob());
  }

  /** A promise's state; a rejection is read and thrown as the program's fault. */
  settlement(promise: QuickJSHandle): GuestSettlement {
    const state = this.enter(() => this.context.getPromiseState(promise));
    if (state.type === 'pending') return { state: 'pending' };
    if (state.type === 'rejected') throw this.fault(state.error);
    // A value that is no promise comes back as itself: hand out a handle the caller may dispose.
    return { state: 'fulfilled', value: state.notAPromise ? promise.dup() : state.value };
  }

  /** Reads and disposes a thrown guest value, with the guest halted so none of its code runs. */
  fault(thrown: QuickJSHandle): ProgramFault {
    const cpuExceeded = this.meter.exceeded;
    const wasHalted = this.#halted;
    this.#halted = true;
    try {
      return faultOfThrow(
        this.enter(() => readGuestThrow(this.context, thrown)),
        this.limits,
        cpuExceeded,
      );
    } finally {
      if (!this.#broken) thrown.dispose();
      this.#halted = wasHalted;
    }
  }

  /**
   * Frees the context and runtime. Returns false, touching nothing, when the engine is broken.
   * @throws when QuickJS refuses to free the runtime: a handle leaked, a bug of this package.
   */
  dispose(): boolean {
    if (this.#broken) return false;
    this.context.dispose();
    this.runtime.dispose();
    return true;
  }

  #unwrap(result: ReturnType<QuickJSContext['evalCode']>): QuickJSHandle {
    if (result.error) throw this.fault(result.error);
    return result.value;
  }
}
