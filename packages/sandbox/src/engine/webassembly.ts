/**
 * The WebAssembly API as Node provides it, typed here by the little this package uses: under the
 * compiler settings every package shares (lib ES2023, Node's types) the global is not declared as a
 * value, so it is reached through `globalThis`, once.
 */
/** A compiled WebAssembly module, opaque here: it is only handed back to the engine loader. */
export type WasmModule = object;

/** A WebAssembly linear memory: what caps an engine's whole heap. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

interface WebAssemblyApi {
  compile(bytes: Uint8Array): Promise<WasmModule>;
  Memory: new (descriptor: { initial: number; maximum: number }) => WasmMemory;
  /** A trap inside a WebAssembly instance (unreachable, out-of-bounds access, an engine abort). */
  RuntimeError: new (
    message?: string,
  ) => Error;
}

export const webAssembly = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;
