import { describe, expect, it } from 'vitest';
import { DslError } from './dsl/dsl-error';
import { dslTasks } from './dsl/dsl-tasks';
import { parseProgram } from './dsl/parse-program';
import { EnvironmentsError } from './environments-error';
import { SatOptionsError } from './sat/sat-options-error';
import { satTasks } from './sat/sat-tasks';
import { SimOptionsError } from './sim/sim-options-error';
import { simTasks } from './sim/sim-tasks';

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the action to throw');
}

describe('EnvironmentsError', () => {
  it('is the base of the dsl, sat and sim errors, each still told apart by its own isInstance', () => {
    const dslOptions = thrownBy(() => dslTasks({ count: -1 }));
    const dslParse = thrownBy(() => parseProgram('(sum xs'));
    const sat = thrownBy(() => satTasks({ count: -1 }));
    const sim = thrownBy(() => simTasks({ count: -1 }));
    expect([dslOptions, dslParse, sat, sim].map((error) => EnvironmentsError.isInstance(error))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect([dslOptions, dslParse, sat, sim].map((error) => (error as Error).name)).toEqual([
      'DslOptionsError',
      'DslParseError',
      'SatOptionsError',
      'SimOptionsError',
    ]);
    expect([DslError.isInstance(dslParse), SatOptionsError.isInstance(sat), SatOptionsError.isInstance(sim)]).toEqual([
      true,
      true,
      false,
    ]);
    expect(SimOptionsError.isInstance(sim)).toBe(true);
  });

  it('recognises an error from another copy of the package by its marker, not by instanceof', () => {
    const foreign = Object.assign(new Error('from another copy'), {
      [Symbol.for('@ratchet/environments.error')]: true,
    });
    expect(EnvironmentsError.isInstance(foreign)).toBe(true);
    expect(EnvironmentsError.isInstance(new Error('plain'))).toBe(false);
    expect(new EnvironmentsError('x').name).toBe('EnvironmentsError');
  });
});
