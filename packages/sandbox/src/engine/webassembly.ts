/**
 * The WebAssembly API as Node provides it. Node's type declarations name its types but not the
 * global value under the compiler settings shared by every package, so it is reached through
 * `globalThis` here, once.
 */
/** A WebAssembly linear memory: what caps an engine's whole heap. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

interface WebAssemblyApi {
  compile(bytes: Uint8Array): Promise<WebAssembly.Module>;
  Memory: new (descriptor: { initial: number; maximum: number }) => WasmMemory;
  /** A trap inside a WebAssembly instance (unreachable, out-of-bounds access, an engine abort). */
  RuntimeError: new (
    message?: string,
  ) => Error;
}

export const webAssembly = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;
