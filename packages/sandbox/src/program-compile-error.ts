import { SandboxError } from './sandbox-error';

/**
 * A strategy program that cannot be loaded: a syntax error, an import, no default export, a default
 * export that is not a function, or top-level code that throws or runs past a limit. `line` and
 * `column` (1-based) point into the source when the engine said where.
 */
export class ProgramCompileError extends SandboxError {
  readonly line: number | undefined;
  readonly column: number | undefined;
  /** What went wrong, without the location or the advice: what a revision prompt quotes. */
  readonly problem: string;

  constructor(problem: string, options: { line?: number; column?: number; fix?: string; cause?: unknown } = {}) {
    const where =
      options.line === undefined
        ? ''
        : ` at line ${options.line}${options.column === undefined ? '' : `:${options.column}`}`;
    const fix = options.fix ?? 'a program is a module whose default export is `async function (ctx) { … }`';
    super(`strategy program${where}: ${problem}; ${fix}`, { cause: options.cause });
    this.name = 'ProgramCompileError';
    this.line = options.line;
    this.column = options.column;
    this.problem = problem;
  }

  static override isInstance(error: unknown): error is ProgramCompileError {
    return SandboxError.isInstance(error) && (error as Error).name === 'ProgramCompileError';
  }
}
