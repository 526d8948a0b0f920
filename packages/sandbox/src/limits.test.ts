// The limit tests: a runaway program is stopped, its cell is recorded as its failure with the
// limit named, the other cells of the run are ordinary, and every engine is freed cleanly.
import { describe, expect, it } from 'vitest';
import { compileProgram } from './compile-program';
import { runDigitCells } from './fixtures/digit-cells';
import { failureOf, hostileCell } from './fixtures/hostile-program';
import { programStrategy } from './program-strategy';

describe('limits', () => {
  it('an infinite loop is stopped at the CPU limit', async () => {
    const started = performance.now();
    const cell = await hostileCell(`for (;;) {}`, { cpuMs: 150 });
    expect(failureOf(cell)).toMatch(/CPU limit \(cpuMs 150 ms/);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('catching the interrupt does not help: it is not the guest’s to catch', async () => {
    const cell = await hostileCell(`for (;;) { try { for (;;) {} } catch (error) {} }`, { cpuMs: 150 });
    expect(failureOf(cell)).toMatch(/CPU limit/);
  });

  it('an infinite async loop (while (true) await null) is stopped at the CPU limit', async () => {
    expect(failureOf(await hostileCell(`while (true) await null;`, { cpuMs: 150 }))).toMatch(/CPU limit/);
  });

  it('a memory bomb is stopped at the memory limit', async () => {
    const cell = await hostileCell(`const keep = []; for (;;) keep.push(new Array(10000).fill(keep.length));`, {
      memoryBytes: 8 * 1024 * 1024,
    });
    expect(failureOf(cell)).toMatch(/ran out of memory \(memoryBytes 8 MiB\)/);
  });

  it('a memory bomb of strings and typed arrays is stopped too (the limit is the engine’s whole memory)', async () => {
    const strings = `const keep = []; for (let i = 0; ; i++) keep.push('x'.repeat(100000) + i);`;
    const buffers = `const keep = []; for (;;) keep.push(new Uint8Array(512 * 1024));`;
    for (const body of [strings, buffers]) {
      expect(failureOf(await hostileCell(body, { memoryBytes: 8 * 1024 * 1024 }))).toMatch(/ran out of memory/);
    }
  });

  it('a program that catches running out of memory and goes on calling the host is stopped, and its engine frees cleanly', async () => {
    const cell = await hostileCell(
      `const keep = [];
    try { for (;;) keep.push('x'.repeat(1000) + keep.length); } catch (error) {}
    for (let i = 0; i < 100; i++) { try { ctx.random(); ctx.remaining(); ctx.history; } catch (error) {} }`,
      { memoryBytes: 2 * 1024 * 1024 },
    );
    expect(failureOf(cell)).toMatch(/ran out of memory/);
  });

  it('deep recursion is stopped at the stack limit', async () => {
    const cell = await hostileCell(`const down = (n) => down(n + 1) + 1; down(0);`);
    expect(failureOf(cell)).toMatch(/overflowed its stack \(stackBytes 256 KiB\)/);
  });

  it('recursion that outruns the host’s own stack first (deep JSON) is a stack failure too, and breaks no other cell', async () => {
    const cell = await hostileCell(
      `let deep = []; for (let i = 0; i < 200000; i++) deep = [deep]; JSON.stringify(deep);`,
    );
    expect(failureOf(cell)).toMatch(/overflowed its stack/);
  });

  it('10⁶ host calls are stopped at maxHostCalls, even when the program catches what it is thrown', async () => {
    const cell = await hostileCell(`for (let i = 0; i < 1e6; i++) { try { ctx.random(); } catch (error) {} }`);
    expect(failureOf(cell)).toMatch(/more than 10000 host calls \(maxHostCalls/);
  });

  it('a program that throws, or waits on nothing, fails as itself', async () => {
    expect(failureOf(await hostileCell(`throw new TypeError('no such field');`))).toMatch(
      /the program threw TypeError: no such field \(line 4:/,
    );
    expect(failureOf(await hostileCell(`throw 'a string';`))).toMatch(/threw a string/);
    expect(failureOf(await hostileCell(`await new Promise(() => {});`))).toMatch(
      /waits on a promise nothing will settle/,
    );
  });

  it('a program that makes no attempt fails as itself, not as infra', async () => {
    const program = await compileProgram(`export default async function (ctx) { ctx.random(); }`);
    const { cells } = await runDigitCells(programStrategy(program), { count: 1 });
    expect(failureOf(cells[0] as never)).toMatch(/made no attempt/);
  });

  it('many cells, several at once, free every engine and handle cleanly', async () => {
    const program = await compileProgram(`export default async function (ctx) {
  let last = await ctx.shot();
  while (ctx.history.length < ctx.k) {
    const findings = await ctx.observe(last);
    last = await ctx.shot({ findings, from: last.attemptId });
    ctx.remaining(); ctx.topology(); ctx.stop();
  }
  ctx.shot(); // not awaited: the budget is spent, and the cell still ends cleanly
  ctx.choose(ctx.history[0]);
}`);
    const { cells } = await runDigitCells(programStrategy(program), { count: 40, k: 3, concurrency: 8 });
    expect(cells).toHaveLength(40);
    expect(cells.every((cell) => cell.status === 'ok' && cell.attempts === 3 && cell.chosenBy === 'strategy')).toBe(
      true,
    );
    expect(cells.every((cell) => cell.strategyFailure === null)).toBe(true);
  });
});
