import { JudgeError } from './judge-error';

/**
 * Why two score vectors cannot be compared:
 * - `missing`: an objective is in one vector and not the other.
 * - `direction`: the same objective is maximized in one vector and minimized in the other.
 * - `value`: a value is neither a finite number nor null.
 */
export type IncomparableProblem = 'missing' | 'direction' | 'value';

/**
 * Score vectors that do not share one set of objectives with one direction each. Names the objective
 * and, for `paretoFront`, the index of the offending item.
 */
export class IncomparableScoresError extends JudgeError {
  readonly objective: string;
  readonly problem: IncomparableProblem;
  readonly index: number | undefined;

  constructor(options: { functionName: string; objective: string; problem: IncomparableProblem; index?: number }) {
    const where = options.index === undefined ? '' : ` (item ${options.index})`;
    const what = {
      missing: 'is present in one score vector and missing from the other',
      direction: 'has different directions in the two score vectors',
      value: 'has a value that is neither a finite number nor null',
    }[options.problem];
    super(
      `${options.functionName}: objective "${options.objective}"${where} ${what}. ` +
        'Compare only verdicts from judges with the same objectives.',
    );
    this.name = 'IncomparableScoresError';
    this.objective = options.objective;
    this.problem = options.problem;
    this.index = options.index;
  }

  static override isInstance(error: unknown): error is IncomparableScoresError {
    return JudgeError.isInstance(error) && (error as Error).name === 'IncomparableScoresError';
  }
}
