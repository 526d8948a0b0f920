import { StatsError } from './stats-error';

/**
 * Two arms' outcomes could not be paired task by task: a task is missing from one side, listed twice,
 * or has no numeric outcome. Pairs are never dropped silently; fix the inputs and call again.
 */
export class UnpairedDataError extends StatsError {
  readonly functionName: string;
  readonly taskId: string | undefined;

  constructor(options: { functionName: string; problem: string; taskId?: string }) {
    const where = options.taskId === undefined ? '' : ` (task "${options.taskId}")`;
    super(`${options.functionName}: ${options.problem}${where}`);
    this.name = 'UnpairedDataError';
    this.functionName = options.functionName;
    this.taskId = options.taskId;
  }

  static override isInstance(error: unknown): error is UnpairedDataError {
    return StatsError.isInstance(error) && (error as Error).name === 'UnpairedDataError';
  }
}
