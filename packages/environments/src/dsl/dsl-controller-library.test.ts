import { unmeasuredUsage } from '@ratchet/corpus';
import { type AttemptView, InvalidControllerError } from '@ratchet/runtime';
import { describe, expect, it } from 'vitest';
import { createDslController, dslController, dslControllerParameters } from './dsl-controller';
import { emptyLibrary, type LearnedLibrary, libraryPriors } from './learned-library';
import { searchParametersSchema } from './search-parameters';
import { taskSignature } from './task-signature';

const sortTask = {
  id: 't-sort',
  split: 'train' as const,
  input: {
    outputType: 'list',
    examples: [
      { input: [3, 1, 2], output: [1, 2, 3] },
      { input: [5, 4], output: [4, 5] },
    ],
  },
};
const sumTask = {
  id: 't-sum',
  split: 'train' as const,
  input: {
    outputType: 'int',
    examples: [
      { input: [3, 1, 2], output: 6 },
      { input: [5, 4], output: 9 },
    ],
  },
};

const library: LearnedLibrary = {
  fragments: [{ program: '(map (+ 1) (sort xs))', weight: 2 }],
  exemplars: [
    // A sorting task that used the fragment, and a summing one that did not.
    { signature: taskSignature(sortTask.input as never), uses: { '#0': 1 }, weight: 1 },
    { signature: taskSignature(sumTask.input as never), uses: { sum: 1, map: 1 }, weight: 1 },
  ],
};

describe('the dsl controller with a learned library', () => {
  it('hashes the library into its identity: another library, another controller', () => {
    const learned = createDslController({ ...dslControllerParameters, library });
    expect(learned.hash).not.toBe(dslController.hash);
    const reweighted = createDslController({
      ...dslControllerParameters,
      library: { ...library, fragments: [{ program: '(map (+ 1) (sort xs))', weight: 3 }] },
    });
    expect(reweighted.hash).not.toBe(learned.hash);
    expect(createDslController({ ...dslControllerParameters, library }).hash).toBe(learned.hash);
  });

  it('keeps the base controller exactly as it was when the library is empty', () => {
    expect(dslController.parameters.library).toEqual(emptyLibrary);
    expect(dslController.initial(sortTask)).toBeNull();
  });

  it('starts a task with the fragments, weighted by the exemplars relevant to it', () => {
    const learned = createDslController({ ...dslControllerParameters, library });
    const onSort = learned.initial(sortTask);
    const onSum = learned.initial(sumTask);
    expect(searchParametersSchema.safeParse(onSort?.parameters).success).toBe(true);
    const weightOf = (steer: typeof onSort) =>
      (steer?.parameters?.library as Array<{ weight: number }> | undefined)?.[0]?.weight;
    // The sorting exemplar used the fragment: it weighs more on the sorting task than on the summing one.
    expect(weightOf(onSort)).toBeGreaterThan(1);
    expect(weightOf(onSort)).toBeGreaterThan(weightOf(onSum) as number);
    const priorsOf = (steer: typeof onSort) => steer?.parameters?.priors as Record<string, number>;
    expect(priorsOf(onSum).sum).toBeGreaterThan(priorsOf(onSort).sum as number);
    expect(onSort?.text).toContain('a library of 1 learned fragments');
  });

  it('carries the same library, with the task’s weights, into every later steer of the cell', () => {
    const learned = createDslController({ ...dslControllerParameters, library });
    const first = learned.initial(sortTask);
    const view: AttemptView = {
      attemptId: 'a0',
      index: 0,
      steer: first,
      from: null,
      output: 'xs',
      events: [{ type: 'output', data: { maxDepth: 4 } }],
      checks: [],
      usage: unmeasuredUsage,
      failure: null,
      continuable: true,
    };
    expect(learned.steer([], [view]).parameters?.library).toEqual(first?.parameters?.library);
  });

  it('refuses an exemplar that names a fragment the library does not have, naming the field', () => {
    const bad = { ...library, exemplars: [{ signature: [0, 0, 0, 0, 0], uses: { '#3': 1 }, weight: 1 }] };
    expect(() => createDslController({ ...dslControllerParameters, library: bad })).toThrow(InvalidControllerError);
    expect(() => createDslController({ ...dslControllerParameters, library: bad })).toThrow(
      /library\.exemplars\.0\.uses/,
    );
  });
});

describe('libraryPriors', () => {
  it('is uniform (1 each) with one exemplar of no uses, and follows the uses of a relevant exemplar', () => {
    const only = { fragments: [], exemplars: [{ signature: [0, 0, 0, 0, 0], uses: { sort: 2 }, weight: 1 }] };
    const { priors } = libraryPriors(only, [0, 0, 0, 0, 0]);
    // 14 operators; one exemplar with all its uses on sort, one pseudo-exemplar spread uniformly.
    expect(priors.sort).toBeCloseTo(((1 + 1 / 14) / 2) * 14, 3);
    expect(priors.map).toBeCloseTo((1 / 14 / 2) * 14, 3);
    // Far away in signature space, the exemplar barely counts.
    expect(libraryPriors(only, [1, 1, 1, 1, 1]).priors.sort).toBeCloseTo(1, 1);
  });
});

describe('taskSignature', () => {
  it('describes visible examples only, in [0, 1]', () => {
    expect(taskSignature(sortTask.input as never)).toEqual([0, 0.5, 1, 1, 0]);
    expect(taskSignature(sumTask.input as never)).toEqual([1, 0, 0, 0, 1]);
  });
});
