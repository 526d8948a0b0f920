import { JudgeError } from './judge-error';

/**
 * A task's `expected` value is not something the judge can compare against (a benchmark bug, not an
 * outcome of the worker). Names the judge, the task and what was expected; the value is not repeated.
 */
export class InvalidExpectedError extends JudgeError {
  readonly judgeId: string;
  readonly taskId: string;

  constructor(options: { judgeId: string; taskId: string; problem: string }) {
    super(
      `${options.judgeId}: task ${options.taskId} has an unusable expected value: ${options.problem}. ` +
        'Fix the task definition; the judge cannot score this task.',
    );
    this.name = 'InvalidExpectedError';
    this.judgeId = options.judgeId;
    this.taskId = options.taskId;
  }

  static override isInstance(error: unknown): error is InvalidExpectedError {
    return JudgeError.isInstance(error) && (error as Error).name === 'InvalidExpectedError';
  }
}
