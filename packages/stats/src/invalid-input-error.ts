import { StatsError } from './stats-error';

/**
 * An argument was outside what the function accepts: names the function, the parameter and, for arrays,
 * the first offending index, so the caller can find the bad value.
 */
export class InvalidInputError extends StatsError {
  readonly functionName: string;
  readonly parameter: string;
  readonly index: number | undefined;

  constructor(options: { functionName: string; parameter: string; problem: string; index?: number }) {
    const where = options.index === undefined ? options.parameter : `${options.parameter}[${options.index}]`;
    super(`${options.functionName}: ${where} ${options.problem}`);
    this.name = 'InvalidInputError';
    this.functionName = options.functionName;
    this.parameter = options.parameter;
    this.index = options.index;
  }

  static override isInstance(error: unknown): error is InvalidInputError {
    return StatsError.isInstance(error) && (error as Error).name === 'InvalidInputError';
  }
}
