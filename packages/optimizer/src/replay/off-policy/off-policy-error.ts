import { OptimizerError } from '../../optimizer-error';

/**
 * Why a topology policy or an off-policy estimate was refused: a policy's parameter or probability is
 * out of range (`invalid-policy`), the run reads holdout verdicts (`holdout`), has nothing to
 * estimate from (`no-cells`), was not logged by the named policy under a strategy that asks it before
 * each attempt (`not-logged`), holds a decision the logging policy's draw does not reproduce
 * (`draw-mismatch`), or holds no trajectory the target would take (`no-support`).
 */
export type OffPolicyProblem =
  | 'invalid-policy'
  | 'holdout'
  | 'no-cells'
  | 'not-logged'
  | 'draw-mismatch'
  | 'no-support';

/** An off-policy estimate that cannot be made honestly; `problem` says which rule it would break. */
export class OffPolicyError extends OptimizerError {
  readonly problem: OffPolicyProblem;

  constructor(problem: OffPolicyProblem, message: string) {
    super(message);
    this.problem = problem;
  }
}
