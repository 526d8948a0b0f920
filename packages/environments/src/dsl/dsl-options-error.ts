import type { z } from 'zod';
import { DslError } from './dsl-error';

/** Options given to a dsl factory (`dslTasks`, `dslWorker`, …) are invalid; lists each issue by path. */
export class DslOptionsError extends DslError {
  readonly functionName: string;
  readonly issues: ReadonlyArray<{ path: string; message: string }>;

  constructor(functionName: string, error: z.ZodError) {
    const issues = error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
    super(`${functionName}: invalid options: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`, {
      cause: error,
    });
    this.name = 'DslOptionsError';
    this.functionName = functionName;
    this.issues = issues;
  }

  static override isInstance(error: unknown): error is DslOptionsError {
    return DslError.isInstance(error) && (error as Error).name === 'DslOptionsError';
  }
}
