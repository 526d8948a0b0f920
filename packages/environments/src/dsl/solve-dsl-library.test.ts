import { describe, expect, it } from 'vitest';
import { DslOptionsError } from './dsl-options-error';
import { parseProgram } from './parse-program';
import { runProgram } from './run-program';
import { defaultSearchParameters, dslSearchParameters } from './search-parameters';
import type { DslSolveRequest } from './search-state';
import { solveDsl } from './solve-dsl';

// A 6-operator chain: three two-operator idioms. Out of reach of 20,000 steps from the operators
// alone; with the three idioms as fragments it is a program of size 3.
const target = parseProgram('(map (* 3) (filter odd (map (+ 1) (sort (drop 1 (reverse xs))))))');
const inputs = [
  [3, -1, 4, 1, -5, 9, 2, 6],
  [5, 3, 5, 8, 2],
  [-2, 7, 1, 8, 2, 8, 1, 8],
  [0, 1, 2, 3, 4, 5],
  [9, 9, -4, 6, 1, 1],
];
const examples = inputs.map((input) => ({ input, output: runProgram(target, input) }));
const library = [
  { program: '(drop 1 (reverse xs))' },
  { program: '(map (+ 1) (sort xs))' },
  { program: '(map (* 3) (filter odd xs))' },
];
const request = (overrides: Partial<DslSolveRequest> = {}): DslSolveRequest => ({
  examples,
  outputType: 'list',
  steps: 20_000,
  seed: 'library',
  parameters: defaultSearchParameters,
  state: null,
  stallWindow: 4_000,
  ...overrides,
});

describe('solveDsl with a library', () => {
  it('reaches a 6-operator target through three fragments that the operators alone do not reach in 20,000 steps', () => {
    const base = solveDsl(request());
    expect(base.state.solved).toBe(false);
    expect(base.stepsUsed).toBe(20_000);

    const withLibrary = solveDsl(request({ parameters: dslSearchParameters({ library }) }));
    expect(withLibrary.state.solved).toBe(true);
    expect(withLibrary.stepsUsed).toBeLessThan(20_000);
    // The output is a program of the base language (fragments expanded), which every example checks.
    const found = parseProgram(withLibrary.state.best?.program ?? 'xs');
    expect(
      examples.every((example) => JSON.stringify(runProgram(found, example.input)) === JSON.stringify(example.output)),
    ).toBe(true);
    expect(withLibrary.state.library).toMatch(/^[0-9a-f]{16}$/);
  });

  it('continues a checkpoint under the same library and restarts it when the library changes', () => {
    const parameters = dslSearchParameters({ library: library.slice(0, 2) });
    const first = solveDsl(request({ steps: 300, parameters }));
    const continued = solveDsl(request({ steps: 300, parameters, state: first.state, seed: 'next' }));
    expect(continued.events.some((event) => event.kind === 'restart')).toBe(false);
    expect(continued.state.totalSteps).toBe(600);

    const other = dslSearchParameters({ library });
    const restarted = solveDsl(request({ steps: 300, parameters: other, state: first.state }));
    const restart = restarted.events.find((event) => event.kind === 'restart');
    expect(restart).toMatchObject({ fromLibrary: first.state.library, toLibrary: restarted.state.library });
    expect(restarted.state.library).not.toBe(first.state.library);
    // Steps already spent stay spent; the frontier starts again.
    expect(restarted.state.totalSteps).toBe(600);
    expect(restarted.state.level).toBeLessThanOrEqual(first.state.level + 1);
  });

  it('changes a fragment weight without restarting (weights change what is tried, not the bank)', () => {
    const first = solveDsl(request({ steps: 300, parameters: dslSearchParameters({ library }) }));
    const reweighted = dslSearchParameters({ library: library.map((fragment) => ({ ...fragment, weight: 5 })) });
    const next = solveDsl(request({ steps: 300, parameters: reweighted, state: first.state }));
    expect(next.events.some((event) => event.kind === 'restart')).toBe(false);
  });

  it('refuses a fragment that does not parse, a single operator, and a fragment given twice, naming the field', () => {
    expect(() => dslSearchParameters({ library: [{ program: '(sum xs' }] })).toThrow(DslOptionsError);
    expect(() => dslSearchParameters({ library: [{ program: '(sum xs' }] })).toThrow(/library\.0\.program/);
    expect(() => dslSearchParameters({ library: [{ program: '(sort xs)' }] })).toThrow(/at least 2 operators/);
    expect(() =>
      dslSearchParameters({ library: [{ program: '(sort (reverse xs))' }, { program: '(sort  (reverse xs))' }] }),
    ).toThrow(/appears twice/);
  });
});
