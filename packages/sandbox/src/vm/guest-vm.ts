import type { QuickJSContext, QuickJSHandle, QuickJSRuntime, QuickJSWASMModule } from 'quickjs-emscripten-core';
import { CpuMeter } from '../engine/cpu-meter';
import { engineHeap } from '../engine/engine-heap';
import { engineMemoryCap } from '../engine/engine-pool';
import { type WasmMemory, webAssembly } from '../engine/webassembly';
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
  #brokenBy: ProgramFault | null = null;
  readonly #memory: WasmMemory;
  readonly #memoryCap: number;
  readonly #canAllocate: (bytes: number) => boolean;

  private constructor(module: QuickJSWASMModule, limits: SandboxLimits) {
    this.limits = limits;
    this.#memory = module.getWasmMemory() as unknown as WasmMemory;
    this.#memoryCap = engineMemoryCap(limits.memoryBytes);
    this.#canAllocate = engineHeap(module);
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

  /** The guest took more than half its memory: no engine to hand the next cell. */
  get strained(): boolean {
    return this.#memory.buffer.byteLength > engineMemoryCap(0) + this.limits.memoryBytes / 2;
  }

  /** Stops the guest at the engine's next interrupt check; nothing it could catch. */
  halt(): void {
    this.#halted = true;
  }

  /**
   * Runs `work` as guest time.
   * @throws {ProgramFault} `stack`, `memory` or `engine` when the engine itself threw (or a host call
   *   inside it found it broken); the engine is then broken.
   */
  enter<T>(work: () => T): T {
    if (this.#broken) throw this.#brokenBy ?? new ProgramFault('engine', 'the sandbox engine is no longer usable');
    let value: T;
    try {
      value = this.meter.measure(work);
    } catch (error) {
      if (error instanceof ProgramFault) throw error;
      const fault = this.engineFault(error);
      if (!fault) throw error;
      this.breakWith(fault);
      throw fault;
    }
    if (this.#brokenBy) throw this.#brokenBy;
    return value;
  }

  /**
   * What an error thrown out of the engine means, or null when it is no engine failure (a bug of this
   * package). A trap with the engine's memory at its cap is the memory limit: QuickJS ran out where it
   * could not say so.
   */
  engineFault(error: unknown): ProgramFault | null {
    if (error instanceof RangeError && /call stack/i.test(error.message)) return limitFault('stack', this.limits);
    if (!(error instanceof webAssembly.RuntimeError)) return null;
    if (this.#memory.buffer.byteLength >= 0.9 * this.#memoryCap) return limitFault('memory', this.limits);
    return new ProgramFault('engine', `the sandbox engine stopped: ${error.message}`, { cause: error });
  }

  /**
   * Checks there is room for the host to put `chars` characters of data into the guest (with a
   * margin for the handles around it); when there is not, the guest is out of memory.
   * @throws {ProgramFault} `memory`.
   */
  reserve(chars: number): void {
    if (!this.#canAllocate(4 * chars + 64 * 1024)) throw limitFault('memory', this.limits);
  }

  /** Marks the engine broken: it is never entered, disposed or reused again. */
  breakWith(fault: ProgramFault): void {
    this.#broken = true;
    this.#brokenBy ??= fault;
    this.#halted = true;
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
    // Reading the value allocates on the host's side; with no room left, the guest is out of memory.
    if (!this.#broken && !this.#canAllocate(64 * 1024)) {
      thrown.dispose();
      return this.meter.exceeded ? limitFault('cpu', this.limits) : limitFault('memory', this.limits);
    }
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
