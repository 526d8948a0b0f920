import { JudgeError } from './judge-error';

/** One problem found in an options object: where (a dotted path) and what. */
export interface OptionIssue {
  path: string;
  message: string;
}

/**
 * Options given to a judge, check or helper did not validate. Names the function and every offending
 * option path, so the caller can fix the call; the values themselves are not repeated.
 */
export class InvalidOptionsError extends JudgeError {
  readonly functionName: string;
  readonly issues: readonly OptionIssue[];

  constructor(options: { functionName: string; issues: readonly OptionIssue[]; cause?: unknown }) {
    const listed = options.issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; ');
    super(`${options.functionName}: invalid options — ${listed}. Fix these options and call again.`, {
      cause: options.cause,
    });
    this.name = 'InvalidOptionsError';
    this.functionName = options.functionName;
    this.issues = options.issues;
  }

  static override isInstance(error: unknown): error is InvalidOptionsError {
    return JudgeError.isInstance(error) && (error as Error).name === 'InvalidOptionsError';
  }
}
