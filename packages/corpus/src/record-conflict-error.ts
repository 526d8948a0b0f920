import { CorpusError } from './corpus-error';

/**
 * A different record already exists under the same id. Appends are idempotent only for identical
 * records: a retry of the same write is a no-op, a different record with a used id is refused and
 * nothing from the batch is written. Give the new record a new id. For a manifest, only the run's
 * lifecycle may change once written.
 */
export class RecordConflictError extends CorpusError {
  readonly recordKind: 'attempt' | 'cell' | 'manifest';
  readonly id: string;

  constructor(options: { recordKind: 'attempt' | 'cell' | 'manifest'; id: string; detail?: string }) {
    const kept =
      options.recordKind === 'manifest' ? 'the stored manifest was kept' : 'nothing from this batch was written';
    super(
      `a different ${options.recordKind} with id "${options.id}" is already in the corpus${options.detail ? ` (${options.detail})` : ''}; ${kept}`,
    );
    this.name = 'RecordConflictError';
    this.recordKind = options.recordKind;
    this.id = options.id;
  }

  static override isInstance(error: unknown): error is RecordConflictError {
    return CorpusError.isInstance(error) && (error as Error).name === 'RecordConflictError';
  }
}
