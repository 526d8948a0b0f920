import type { Judge } from '@ratchet/judges';
import type { Environment } from '@ratchet/runtime';
import {
  type TaskDirectoryHandle,
  type TaskDirectoryInput,
  type TaskDirectoryOptions,
  taskDirectoryEnvironment,
} from './task-directory-environment';
import { taskDirectoryJudge } from './task-directory-judge';

/**
 * A task directory's environment and the judge of its hidden tests, sharing one test command.
 *
 * @throws {AdapterOptionsError} when an option is invalid.
 * @example
 * const { environment, judge } = taskDirectory({ root: 'examples/js-tasks' });
 * await runBenchmark({ environment, judge, worker, arms, corpus });
 */
export function taskDirectory(options: TaskDirectoryOptions & { judgeId?: string }): {
  environment: Environment<TaskDirectoryInput, TaskDirectoryHandle>;
  judge: Judge;
} {
  const { judgeId, ...environmentOptions } = options;
  const environment = taskDirectoryEnvironment(environmentOptions);
  const judge = taskDirectoryJudge({
    ...(judgeId === undefined ? {} : { id: judgeId }),
    ...(options.testCommand === undefined ? {} : { testCommand: options.testCommand }),
    ...(options.tmpDir === undefined ? {} : { tmpDir: options.tmpDir }),
  });
  return { environment, judge };
}
