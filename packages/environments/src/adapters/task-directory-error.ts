import { AdapterError } from './adapter-error';

/**
 * A task directory could not be read: the root is missing, `splits.json` is malformed or names a task
 * that does not exist, or (outside validate mode) a task folder is incomplete. `path` names the file or
 * folder at fault.
 */
export class TaskDirectoryError extends AdapterError {
  readonly path: string;

  constructor(options: { path: string; problem: string; fix: string; cause?: unknown }) {
    super(`${options.path}: ${options.problem}. ${options.fix}`, { cause: options.cause });
    this.name = 'TaskDirectoryError';
    this.path = options.path;
  }

  static override isInstance(error: unknown): error is TaskDirectoryError {
    return AdapterError.isInstance(error) && (error as Error).name === 'TaskDirectoryError';
  }
}
