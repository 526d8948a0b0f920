import type { z } from 'zod';
import { listOptionIssues, optionIssuesOf } from '../option-issues';
import { DslError } from './dsl-error';

/** Options given to a dsl factory (`dslTasks`, `dslWorker`, …) are invalid; lists each issue by path. */
export class DslOptionsError extends DslError {
  readonly functionName: string;
  readonly issues: ReadonlyArray<{ path: string; message: string }>;

  constructor(functionName: string, error: z.ZodError) {
    const issues = optionIssuesOf(error);
    super(`${functionName}: invalid options: ${listOptionIssues(issues)}`, { cause: error });
    this.name = 'DslOptionsError';
    this.functionName = functionName;
    this.issues = issues;
  }

  static override isInstance(error: unknown): error is DslOptionsError {
    return DslError.isInstance(error) && (error as Error).name === 'DslOptionsError';
  }
}
