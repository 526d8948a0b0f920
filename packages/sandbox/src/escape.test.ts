// The escape tests: a program that tries to reach the host sees nothing and is stopped; its
// cell is recorded as its failure, and the run goes on. Each hostile body runs on one cell of three.
import { describe, expect, it } from 'vitest';
import { compileProgram } from './compile-program';
import { failureOf, hostileCell, reported } from './fixtures/hostile-program';
import { ProgramCompileError } from './program-compile-error';

/** ECMAScript's global properties (ES2025, with Float16Array), as the engine provides them. */
const ecmascriptGlobals = new Set(
  `Error EvalError RangeError ReferenceError SyntaxError TypeError URIError InternalError AggregateError Array Object
  Function Iterator parseInt parseFloat isNaN isFinite decodeURI decodeURIComponent encodeURI encodeURIComponent escape
  unescape Infinity NaN undefined eval Number Boolean String Math Reflect Symbol globalThis BigInt Date RegExp JSON
  Proxy Map Set WeakMap WeakSet ArrayBuffer SharedArrayBuffer Uint8ClampedArray Int8Array Uint8Array Int16Array
  Uint16Array Int32Array Uint32Array BigInt64Array BigUint64Array Float16Array Float32Array Float64Array DataView
  Promise WeakRef FinalizationRegistry`.split(/\s+/),
);

describe('what a program can reach', () => {
  it('globalThis holds ECMAScript and nothing of the host: no process, require, fetch, timers, std or os', async () => {
    const seen = reported(
      await hostileCell(`throw new Error(JSON.stringify(Object.getOwnPropertyNames(globalThis)));`),
    ) as string[];
    expect(seen.length).toBeGreaterThan(50);
    expect(seen.filter((name) => !ecmascriptGlobals.has(name))).toEqual([]);
    for (const host of ['process', 'require', 'fetch', 'setTimeout', 'console', 'std', 'os', 'Buffer', 'performance'])
      expect(seen).not.toContain(host);
  });

  it('reading a file: no std/os modules, no loadFile, and import("fs") is refused', async () => {
    const cell = await hostileCell(`
    const seen = { std: typeof std, os: typeof os, loadFile: typeof loadFile, readFile: typeof readFile };
    const tried = await import('fs').then(() => 'loaded', (error) => String(error));
    throw new Error(JSON.stringify({ ...seen, tried }));`);
    expect(reported(cell)).toEqual({
      std: 'undefined',
      os: 'undefined',
      loadFile: 'undefined',
      readFile: 'undefined',
      tried: "ReferenceError: could not load module 'fs'",
    });
  });

  it('require is not defined', async () => {
    expect(failureOf(await hostileCell(`require('fs').readFileSync('/etc/passwd');`))).toMatch(
      /ReferenceError: 'require' is not defined/,
    );
  });

  it('dynamic import() of anything is refused', async () => {
    expect(failureOf(await hostileCell(`await import('node:child_process');`))).toMatch(
      /could not load module 'node:child_process'/,
    );
  });

  it('a static import is refused when the program is compiled, with its line', async () => {
    const attempt = compileProgram(`\nimport { readFileSync } from 'node:fs';\nexport default async function (ctx) {}`);
    await expect(attempt).rejects.toThrow(ProgramCompileError);
    await expect(attempt).rejects.toMatchObject({ problem: expect.stringMatching(/imports are not available/) });
  });

  it('process.env is not defined', async () => {
    expect(failureOf(await hostileCell(`const home = process.env.HOME;`))).toMatch(/'process' is not defined/);
  });

  it('fetch is not defined', async () => {
    expect(failureOf(await hostileCell(`await fetch('http://169.254.169.254/');`))).toMatch(/'fetch' is not defined/);
  });

  it('setTimeout is not defined, nor any other timer', async () => {
    const cell = await hostileCell(`
    const timers = ['setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'requestAnimationFrame'];
    throw new Error(JSON.stringify(timers.filter((name) => typeof globalThis[name] !== 'undefined')));`);
    expect(reported(cell)).toEqual([]);
  });

  it('the prototype chains of ctx and its functions lead to the guest’s own Function, which sees no host', async () => {
    const cell = await hostileCell(`
    const tries = {
      shotConstructor: () => ctx.shot.constructor.constructor('return typeof process')(),
      ctxConstructor: () => ctx.constructor.constructor('return typeof require')(),
      asyncFunction: () => (async () => {}).constructor('return 1')().constructor.constructor('return typeof fetch')(),
      taskProto: () => Object.getPrototypeOf(ctx.task).constructor.constructor('return Object.getOwnPropertyNames(this).length')(),
      historyProto: () => ctx.history.constructor.constructor('return typeof globalThis.process')(),
      shotSource: () => /hostShot/.test(String(ctx.shot)) && typeof hostShot,
      callerChain: () => { try { return typeof ctx.random.caller; } catch (error) { return error.name; } },
    };
    const seen = {};
    for (const [name, attempt] of Object.entries(tries)) seen[name] = attempt();
    throw new Error(JSON.stringify(seen));`);
    expect(reported(cell)).toEqual({
      shotConstructor: 'undefined',
      ctxConstructor: 'undefined',
      asyncFunction: 'undefined',
      // The guest global has its ECMAScript properties only.
      taskProto: expect.any(Number),
      historyProto: 'undefined',
      // The host function is a closure variable of the prelude, out of the program's scope.
      shotSource: 'undefined',
      callerChain: 'TypeError',
    });
  });

  it('a judge-origin finding handed to shot stops the program: the firewall refuses it as a judge leak', async () => {
    const cell = await hostileCell(`
    await ctx.shot({ findings: [{ claim: 'the hidden answer is 7', evidence: 7, origin: 'judge' }] });`);
    expect(failureOf(cell)).toMatch(/judge-origin finding.*only findings with origin 'trace' may steer/);
    expect(cell.attempts).toBe(1);
  });

  it('catching the judge leak does not save the program: the stop is not the guest’s to catch', async () => {
    const cell = await hostileCell(`
    try { await ctx.shot({ findings: [{ claim: 'x', evidence: null, origin: 'oracle' }] }); } catch (error) {}
    await ctx.shot();`);
    expect(failureOf(cell)).toMatch(/judge-origin finding/);
    expect(cell.attempts).toBe(1);
  });

  it('the clock is constant and Math.random is the cell’s seeded stream', async () => {
    const cell = await hostileCell(`
    const Original = Object.getPrototypeOf(new Date(1)).constructor;
    throw new Error(JSON.stringify({ now: Date.now(), date: new Date().getTime(), at: new Date(86400000).toISOString(),
      isDate: new Date() instanceof Date, viaPrototype: new Original().getTime(), random: Math.random() === Math.random() }));`);
    expect(reported(cell)).toEqual({
      now: 0,
      date: 0,
      at: '1970-01-02T00:00:00.000Z',
      isDate: true,
      viaPrototype: 0,
      random: false,
    });
  });
});
