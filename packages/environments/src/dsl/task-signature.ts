import type { DslTaskInput } from './dsl-task-input';

/** How many numbers a task signature has. */
export const taskSignatureSize = 5;

const mean = (values: readonly number[]): number =>
  values.length === 0 ? 0 : values.reduce((sum, x) => sum + x, 0) / values.length;

/** Whether every element of `part` can be matched to a distinct element of `whole`. */
function subMultiset(part: readonly number[], whole: readonly number[]): boolean {
  const left = new Map<number, number>();
  for (const x of whole) left.set(x, (left.get(x) ?? 0) + 1);
  return part.every((x) => {
    const n = left.get(x) ?? 0;
    left.set(x, n - 1);
    return n > 0;
  });
}

/**
 * What a task's visible examples look like, as numbers in [0, 1], so two tasks can be compared without
 * knowing their targets: whether the output is an int; for int outputs, how often it is an element of
 * the input (a selecting fold), a count within the input's length, negative, or larger than any input
 * element (a sum, a scaled value); for list outputs, the output's length relative
 * to the input's, how often it is sorted, how often its elements are a sub-multiset of the input's (the
 * selecting operators keep elements; `map` and `zipwith` make new ones), and how often it holds a
 * value the input lacks. The learner computes it on the tasks it learns from, the controller on the
 * task in front of it; only visible examples are read.
 *
 * @example
 * taskSignature({ outputType: 'list', examples: [{ input: [3, 1, 2], output: [1, 2, 3] }] }); // => [0, 0.5, 1, 1, 0]
 */
export function taskSignature(input: DslTaskInput): number[] {
  if (input.outputType === 'int') {
    const ints = input.examples.map((example) => ({ input: example.input, output: example.output as number }));
    return [
      1,
      mean(ints.map(({ input, output }) => (input.includes(output) ? 1 : 0))),
      mean(ints.map(({ input, output }) => (output >= 0 && output <= input.length ? 1 : 0))),
      mean(ints.map(({ output }) => (output < 0 ? 1 : 0))),
      mean(ints.map(({ input, output }) => (Math.abs(output) > Math.max(0, ...input.map(Math.abs)) ? 1 : 0))),
    ];
  }
  const lists = input.examples.map((example) => ({ input: example.input, output: example.output as number[] }));
  const ratio = mean(lists.map(({ input, output }) => Math.min(2, output.length / Math.max(1, input.length)))) / 2;
  const sorted = mean(
    lists.map(({ output }) => (output.every((x, i) => i === 0 || (output[i - 1] as number) <= x) ? 1 : 0)),
  );
  const kept = mean(lists.map(({ input, output }) => (subMultiset(output, input) ? 1 : 0)));
  const novel = mean(lists.map(({ input, output }) => (output.some((x) => !input.includes(x)) ? 1 : 0)));
  return [0, ratio, sorted, kept, novel];
}

/**
 * How alike two signatures are, in (0, 1]: a Gaussian kernel of their distance with bandwidth `width`.
 *
 * @example
 * signatureSimilarity([0, 0.5, 1, 1, 0], [0, 0.5, 1, 1, 0], 0.25); // => 1
 */
export function signatureSimilarity(a: readonly number[], b: readonly number[], width: number): number {
  let squared = 0;
  for (let i = 0; i < Math.max(a.length, b.length); i++) squared += ((a[i] ?? 0) - (b[i] ?? 0)) ** 2;
  return Math.exp(-squared / (2 * width * width));
}
