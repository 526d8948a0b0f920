import type { QuickJSWASMModule } from 'quickjs-emscripten-core';

interface EmscriptenHeap {
  _malloc(bytes: number): number;
  _free(pointer: number): void;
}

/**
 * Whether the engine's allocator can give `bytes` now. The host puts every value it hands the guest
 * (a string, a number, an error) through this allocator, and quickjs-emscripten does not check the
 * result: when the memory is spent it writes through a null pointer and corrupts the engine. So the
 * host asks first, by allocating and freeing a block of that size. The allocator is the emscripten
 * module quickjs-emscripten keeps as `module` (not public API: checked here, once per engine).
 */
export function engineHeap(module: QuickJSWASMModule): (bytes: number) => boolean {
  const heap = (module as unknown as { module?: Partial<EmscriptenHeap> }).module;
  if (typeof heap?._malloc !== 'function' || typeof heap._free !== 'function') {
    throw new Error('@ratchet/sandbox: this quickjs-emscripten build does not expose its allocator (module._malloc)');
  }
  const { _malloc, _free } = heap as EmscriptenHeap;
  return (bytes) => {
    const pointer = _malloc(bytes);
    if (pointer === 0) return false;
    _free(pointer);
    return true;
  };
}
