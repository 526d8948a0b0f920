const marker = Symbol.for('@ratchet/autoloop.state-error');

/** What went wrong with a file in the state root; callers (the CLI's one catch) act on this, not on the text. */
export type AutoloopStateProblem =
  /** The file is not JSON (or a log line in the middle of the log is not). */
  | 'not_json'
  /** The JSON does not match the schema: `field` names where. */
  | 'invalid'
  /** Written by a newer autoloop (`schema_version` above the one this version reads). */
  | 'newer_version'
  /** `schema_version` missing, below 1 or not an integer. */
  | 'bad_version'
  /** A state the loop tried to write is itself invalid (a bug in the caller; nothing was written). */
  | 'invalid_write'
  /** The state root is locked by another loop (see `AutoloopLockedError`). */
  | 'locked'
  /** The lock file exists but cannot be read as a lock. */
  | 'unreadable_lock';

export interface AutoloopStateErrorOptions {
  readonly problem: AutoloopStateProblem;
  /** The file, as a path. */
  readonly file: string;
  /** The zod path of the field at fault (`score_history.2.ci`), or null when the whole file is at fault. */
  readonly field?: string | null;
  /** What is wrong, in a few words; never the file's content. */
  readonly detail: string;
  /** What the person should do. */
  readonly action: string;
  readonly cause?: unknown;
}

/**
 * Something in the autoloop's state root cannot be used as it is: a corrupt or newer state file, a corrupt
 * log line, a held lock. The message names the file, the field and what to do; the loop never resets a
 * state it cannot read, so nothing is lost until a person decides.
 */
export class AutoloopStateError extends Error {
  readonly [marker] = true;
  readonly problem: AutoloopStateProblem;
  readonly file: string;
  readonly field: string | null;

  constructor(options: AutoloopStateErrorOptions) {
    const field = options.field ?? null;
    super(
      `${options.file}${field === null ? '' : ` (field ${field})`}: ${options.detail}; ${options.action}`,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.name = 'AutoloopStateError';
    this.problem = options.problem;
    this.file = options.file;
    this.field = field;
  }

  /** True for this error and its subclasses, across copies of the package. */
  static isInstance(error: unknown): error is AutoloopStateError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}
