import { OptimizerError } from '../optimizer-error';

/**
 * What was wrong with the input of a selection function:
 * - `invalid-scores`: a score is NaN or infinite, or two score lists to be paired differ in length or are empty.
 * - `invalid-objectives`: the objective list is empty, names an objective twice, or weights name an unknown one.
 * - `invalid-weights`: a weight is negative or not finite.
 * - `invalid-rule`: an acceptance rule that does not parse (an unknown rule, a negative margin, alpha outside (0, 1)).
 * - `invalid-reference`: a hypervolume reference point that lacks an objective or is not finite, or a point with a null value.
 * - `invalid-size`: a subsample size that is not a positive integer.
 * - `nothing-measured`: no candidate has a measured value, so there is nothing to select from.
 */
export type SelectionProblem =
  | 'invalid-scores'
  | 'invalid-objectives'
  | 'invalid-weights'
  | 'invalid-rule'
  | 'invalid-reference'
  | 'invalid-size'
  | 'nothing-measured';

/**
 * Parent selection, the candidate front, acceptance or subsampling was given input it cannot use. The
 * message says what was wrong and what to do; `problem` lets a caller act on the kind.
 */
export class SelectionError extends OptimizerError {
  readonly functionName: string;
  readonly problem: SelectionProblem;

  constructor(options: { functionName: string; problem: SelectionProblem; message: string; cause?: unknown }) {
    super(`${options.functionName}: ${options.message}`, options.cause === undefined ? {} : { cause: options.cause });
    this.name = 'SelectionError';
    this.functionName = options.functionName;
    this.problem = options.problem;
  }

  /** True for a SelectionError from any copy of this package (`instanceof` fails across copies). */
  static isInstance(error: unknown): error is SelectionError {
    return error instanceof Error && error.name === 'SelectionError' && 'problem' in error;
  }
}
