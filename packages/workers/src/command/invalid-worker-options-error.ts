import { RuntimeError } from '@ratchet/runtime';

/** One problem found in an options object: where (a dotted path) and what. */
export interface OptionIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * Options given to a worker or a preset did not validate. Names the function and every offending
 * option path so the caller can fix the call; the values themselves (prompts, secrets in env) are not
 * repeated.
 */
export class InvalidWorkerOptionsError extends RuntimeError {
  readonly functionName: string;
  readonly issues: readonly OptionIssue[];

  constructor(options: { functionName: string; issues: readonly OptionIssue[]; cause?: unknown }) {
    const listed = options.issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; ');
    super(`${options.functionName}: invalid options — ${listed}. Fix these options and call again.`, {
      cause: options.cause,
    });
    this.name = 'InvalidWorkerOptionsError';
    this.functionName = options.functionName;
    this.issues = options.issues;
  }

  static override isInstance(error: unknown): error is InvalidWorkerOptionsError {
    return RuntimeError.isInstance(error) && (error as Error).name === 'InvalidWorkerOptionsError';
  }
}
