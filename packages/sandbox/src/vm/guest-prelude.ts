/**
 * Guest code run in every fresh engine before the program's module. It takes the host functions,
 * closes the two ways QuickJS would read host state — the clock and `Math.random`'s time-seeded state —
 * and, in a cell, builds the program's `ctx` from them. Data crosses the boundary only as JSON text:
 * parsed here into fresh guest objects, and validated by the host on the way back, so no object is
 * ever shared with the host.
 *
 * `Date` is a constant clock: `Date.now()` is 0 and `new Date()` is the epoch, so a program cannot
 * read host time and the same seed gives the same run. `new Date(value)` still works.
 * `Math.random()` draws from the cell's seeded stream, as `ctx.random()` does.
 *
 * The value of this script is `function (host) → ctx | undefined`; `host.k` is absent when compiling.
 */
export const guestPrelude = `(function install(host) {
  'use strict';
  const parse = JSON.parse;
  const stringify = JSON.stringify;
  const freeze = Object.freeze;
  const define = Object.defineProperty;
  const construct = Reflect.construct;
  const OriginalDate = Date;
  const hostRandom = host.random;

  function ConstantDate(...args) {
    if (new.target === undefined) return new OriginalDate(0).toString();
    return construct(OriginalDate, args.length === 0 ? [0] : args, new.target);
  }
  define(ConstantDate, 'name', { value: 'Date' });
  define(ConstantDate, 'prototype', { value: OriginalDate.prototype });
  define(ConstantDate, 'now', { value: function now() { return 0; }, writable: true, configurable: true });
  define(ConstantDate, 'parse', { value: OriginalDate.parse, writable: true, configurable: true });
  define(ConstantDate, 'UTC', { value: OriginalDate.UTC, writable: true, configurable: true });
  define(OriginalDate.prototype, 'constructor', { value: ConstantDate, writable: true, configurable: true });
  define(globalThis, 'Date', { value: ConstantDate, writable: true, configurable: true });
  define(Math, 'random', { value: function random() { return hostRandom(); }, writable: true, configurable: true });

  if (host.k === undefined) return undefined;

  const hostShot = host.shot;
  const hostObserve = host.observe;
  const hostChoose = host.choose;
  const hostHistory = host.history;
  const hostRemaining = host.remaining;
  const hostTopology = host.topology;
  const hostStop = host.stop;
  const idOf = (attempt) => (attempt !== null && typeof attempt === 'object' ? attempt.attemptId : attempt);
  const task = parse(host.task);
  const k = host.k;

  return freeze({
    task,
    k,
    get history() { return parse(hostHistory()); },
    shot(options) {
      let json;
      try { json = stringify(options === undefined ? {} : options); } catch (error) { return Promise.reject(error); }
      return hostShot(json).then(parse);
    },
    observe(attempt) { return hostObserve(idOf(attempt)).then(parse); },
    choose(attempt) { hostChoose(idOf(attempt)); },
    remaining() { return parse(hostRemaining()); },
    topology() { return hostTopology(); },
    stop() { return hostStop(); },
    random() { return hostRandom(); },
  });
})`;
