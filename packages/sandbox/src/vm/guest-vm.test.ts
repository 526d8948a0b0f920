import { describe, expect, it } from 'vitest';
import { leaseEngine } from '../engine/engine-pool';
import { resolveLimits } from '../sandbox-limits';
import { GuestVm } from './guest-vm';
import { ProgramFault } from './program-fault';

describe('GuestVm', () => {
  it('marks the engine broken when the host’s stack runs out inside it, and never touches it again', async () => {
    const lease = await leaseEngine(resolveLimits().memoryBytes);
    const vm = GuestVm.open(lease.module, resolveLimits());
    // JSON.stringify recurses in C with little of QuickJS's own stack per level, so Node's stack
    // (about 1 MB) runs out before the engine's 256 KiB check: the RangeError unwinds the engine mid-call.
    const deep = 'let deep = []; for (let i = 0; i < 200000; i++) deep = [deep]; JSON.stringify(deep);';
    let fault: unknown;
    try {
      vm.evalScript(deep, 'deep.js');
    } catch (error) {
      fault = error;
    }
    expect(fault).toBeInstanceOf(ProgramFault);
    expect((fault as ProgramFault).kind).toBe('stack');
    expect(vm.broken).toBe(true);
    expect(() => vm.evalScript('1', 'again.js')).toThrow(/overflowed its stack/);
    expect(vm.dispose()).toBe(false);
    lease.release(false);
  });

  it('reads the engine’s own stack check as the stack limit, and stays usable after it', async () => {
    const limits = resolveLimits({ stackBytes: 64 * 1024 });
    const lease = await leaseEngine(limits.memoryBytes);
    const vm = GuestVm.open(lease.module, limits);
    expect(() => vm.evalScript('const f = (n) => f(n + 1) + 1; f(0);', 'rec.js')).toThrow(/stackBytes 64 KiB/);
    expect(vm.broken).toBe(false);
    const value = vm.evalScript('6 * 7', 'after.js');
    expect(vm.context.getNumber(value)).toBe(42);
    value.dispose();
    expect(vm.dispose()).toBe(true);
    lease.release(true);
  });
});
