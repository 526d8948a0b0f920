import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import variant from '@jitl/quickjs-wasmfile-release-sync';
import { newQuickJSWASMModuleFromVariant, newVariant, type QuickJSWASMModule } from 'quickjs-emscripten-core';
import { type WasmModule, webAssembly } from './webassembly';

/** The engine's own image and stack: the initial memory its WebAssembly module declares. */
const basePages = 256;
const pageBytes = 65_536;
/**
 * Idle engines kept per memory size: as many as were ever leased at once (a run's concurrency), up to
 * 32; more are dropped for the garbage collector. Creating an engine costs about a millisecond.
 */
const maxIdleCap = 32;
let leasedNow = 0;
let leasedPeak = 0;

/** The cap on an engine's whole linear memory, in bytes, for a guest heap of `memoryBytes`. */
export function engineMemoryCap(memoryBytes: number): number {
  return (basePages + Math.ceil(memoryBytes / pageBytes)) * pageBytes;
}

/** One engine (a WebAssembly instance of QuickJS) held by one cell at a time. */
export interface EngineLease {
  readonly module: QuickJSWASMModule;
  /** Gives the engine back; `healthy: false` (the engine was interrupted by a host-level fault) discards it. */
  release(healthy: boolean): void;
}

let compiled: Promise<WasmModule> | undefined;
const idle = new Map<number, QuickJSWASMModule[]>();

/** The QuickJS WebAssembly module, compiled once per process. */
function compiledEngine(): Promise<WasmModule> {
  compiled ??= (async () => {
    const path = createRequire(import.meta.url).resolve('@jitl/quickjs-wasmfile-release-sync/wasm');
    return webAssembly.compile(await readFile(path));
  })();
  return compiled;
}

/**
 * Leases an engine whose whole linear memory is capped at 16 MiB + `memoryBytes`. The cap is the
 * WebAssembly memory's own maximum, so it holds whatever QuickJS counts: its `setMemoryLimit` bounds
 * a single allocation in this build, not a runtime's total (quickjs-emscripten issues #255, #271).
 * Each lease is exclusive, so a program that breaks its engine (a trap, the host stack running out
 * mid-call) breaks no other cell's; a broken engine is released unhealthy and never reused.
 */
export async function leaseEngine(memoryBytes: number): Promise<EngineLease> {
  const pages = engineMemoryCap(memoryBytes) / pageBytes;
  const pool = idle.get(pages) ?? [];
  idle.set(pages, pool);
  const module = pool.pop() ?? (await newEngine(pages));
  leasedPeak = Math.max(leasedPeak, ++leasedNow);
  let released = false;
  return {
    module,
    release(healthy) {
      if (released) return;
      released = true;
      leasedNow--;
      if (healthy && pool.length < Math.min(leasedPeak, maxIdleCap)) pool.push(module);
    },
  };
}

async function newEngine(pages: number): Promise<QuickJSWASMModule> {
  const wasmModule = await compiledEngine();
  const wasmMemory = new webAssembly.Memory({ initial: basePages, maximum: pages });
  return newQuickJSWASMModuleFromVariant(newVariant(variant, { wasmModule, wasmMemory }));
}
