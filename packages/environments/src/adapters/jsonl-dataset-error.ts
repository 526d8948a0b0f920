import { AdapterError } from './adapter-error';

/**
 * A JSON Lines dataset could not be read: the file is missing, or a line is not JSON, does not match
 * the task format, or repeats an id. `source` is the file path (or `<lines>` for in-memory lines) and
 * `line` is 1-based, null when the problem is the file as a whole. Line contents are not repeated,
 * since a dataset's inputs and answers may be private.
 */
export class JsonlDatasetError extends AdapterError {
  readonly source: string;
  readonly line: number | null;

  constructor(options: { source: string; line: number | null; problem: string; fix: string; cause?: unknown }) {
    const where = options.line === null ? options.source : `${options.source}:${options.line}`;
    super(`${where}: ${options.problem}. ${options.fix}`, { cause: options.cause });
    this.name = 'JsonlDatasetError';
    this.source = options.source;
    this.line = options.line;
  }

  static override isInstance(error: unknown): error is JsonlDatasetError {
    return AdapterError.isInstance(error) && (error as Error).name === 'JsonlDatasetError';
  }
}
