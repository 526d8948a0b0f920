import { DslParseError } from './dsl-parse-error';
import type { DslValue } from './dsl-program';
import { parseProgram } from './parse-program';
import { runProgram, sameValue } from './run-program';
import type { DslExample } from './search-state';

export interface ExampleResult {
  readonly index: number;
  readonly input: number[];
  readonly expected: DslValue;
  readonly got: DslValue;
  readonly passed: boolean;
}

/** An output run on examples: each example's result, or why the output is not a program. */
export type ProgramScore =
  | { readonly ok: true; readonly passed: number; readonly total: number; readonly results: ExampleResult[] }
  | { readonly ok: false; readonly passed: 0; readonly total: number; readonly error: string };

/**
 * Runs a worker's output (program source text) on examples; what checks and the judge share.
 *
 * @example
 * scoreProgram('(sum xs)', [{ input: [1, 2], output: 3 }]).passed; // => 1
 */
export function scoreProgram(output: unknown, examples: readonly DslExample[]): ProgramScore {
  const total = examples.length;
  if (typeof output !== 'string') return { ok: false, passed: 0, total, error: 'the output is not program text' };
  let program: ReturnType<typeof parseProgram>;
  try {
    program = parseProgram(output);
  } catch (error) {
    if (!DslParseError.isInstance(error)) throw error;
    return { ok: false, passed: 0, total, error: error.message };
  }
  const results = examples.map((example, index) => {
    const got = runProgram(program, example.input);
    return { index, input: example.input, expected: example.output, got, passed: sameValue(got, example.output) };
  });
  return { ok: true, passed: results.filter((result) => result.passed).length, total, results };
}
