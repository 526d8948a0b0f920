import { listOptionIssues, type OptionIssue } from '../option-issues';
import { AdapterError } from './adapter-error';

/** One problem in an options object: a dotted path and what is wrong there. */
export type AdapterOptionIssue = OptionIssue;

/** Options given to an adapter did not validate. Names the function and every offending path. */
export class AdapterOptionsError extends AdapterError {
  readonly functionName: string;
  readonly issues: readonly AdapterOptionIssue[];

  constructor(options: { functionName: string; issues: readonly AdapterOptionIssue[]; cause?: unknown }) {
    const listed = listOptionIssues(options.issues);
    super(`${options.functionName}: invalid options — ${listed}. Fix these options and call again.`, {
      cause: options.cause,
    });
    this.name = 'AdapterOptionsError';
    this.functionName = options.functionName;
    this.issues = options.issues;
  }

  static override isInstance(error: unknown): error is AdapterOptionsError {
    return AdapterError.isInstance(error) && (error as Error).name === 'AdapterOptionsError';
  }
}
