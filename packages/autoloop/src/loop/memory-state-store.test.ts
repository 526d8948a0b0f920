import { describe, expect, it } from 'vitest';
import type { LoopSettings } from '../autoloop-types';
import { createLoopState } from './loop-state';
import { MemoryStateStore } from './memory-state-store';

const settings = { maxIterations: 3, maxCostUsd: null, plateauWindow: 3 } as LoopSettings;

describe('MemoryStateStore', () => {
  it('reads null before the first write, then a copy of what was written', async () => {
    const store = new MemoryStateStore();
    expect(await store.read()).toBeNull();
    const state = {
      ...createLoopState({ target: 't', settings, initialHash: 'h0', now: new Date(0) }),
      future_field: 1,
    };
    await store.write(state);
    const read = await store.read();
    expect(read).toEqual(state);
    expect(read).not.toBe(state);
    expect(read?.future_field).toBe(1);
    expect(store.writeCount).toBe(1);
  });

  it('keeps log lines in order and handoffs by iteration', async () => {
    const store = new MemoryStateStore();
    await store.writeHandoff(2, '# two');
    await store.writeHandoff(2, '# two again');
    expect(store.handoffs.get(2)).toBe('# two again');
    expect(store.log).toEqual([]);
  });
});
