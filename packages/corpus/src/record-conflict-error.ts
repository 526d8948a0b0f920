import { CorpusError } from './corpus-error';

/** The kinds of record a store keeps under an id: each kind is its own namespace of ids. */
export type StoredRecordKind =
  | 'manifest'
  | 'attempt'
  | 'cell'
  | 'optimization'
  | 'candidate'
  | 'iteration'
  | 'gate'
  | 'library'
  | 'flywheel';

/** What the store kept, and what to do: lifecycle records keep the stored one; batches write nothing. */
function keptText(recordKind: StoredRecordKind): string {
  if (recordKind === 'manifest' || recordKind === 'optimization') return `the stored ${recordKind} was kept`;
  if (recordKind === 'gate') {
    return 'nothing from this batch was written; a holdout is decided once per incumbent (docs/design.md rule 6): gate on a fresh holdout';
  }
  if (recordKind === 'library') {
    return 'nothing from this batch was written; a library id names its content: look the library up by its hash before learning it again, or give a different library a new id';
  }
  if (recordKind === 'flywheel') {
    return 'nothing from this batch was written; a flywheel decides each generation and its verdict once: a resumed flywheel must write the same decision, and a changed flywheel gets a new flywheel id';
  }
  return 'nothing from this batch was written';
}

/**
 * A different record already exists under the same id. Appends are idempotent only for identical
 * records: a retry of the same write is a no-op, a different record with a used id is refused and
 * nothing from the batch is written. Give the new record a new id. For a manifest or an optimization,
 * only its lifecycle may change once written; for a gate record (the holdout ledger), a second,
 * different decision on the same holdout for the same incumbent is this error; for a library, a
 * different body (another `createdAt` included) under an id the learner derived from its content;
 * for a flywheel record, a second, different decision on the same generation (or verdict).
 */
export class RecordConflictError extends CorpusError {
  readonly recordKind: StoredRecordKind;
  readonly id: string;

  constructor(options: { recordKind: StoredRecordKind; id: string; detail?: string }) {
    super(
      `a different ${options.recordKind} with id "${options.id}" is already in the corpus${options.detail ? ` (${options.detail})` : ''}; ${keptText(options.recordKind)}`,
    );
    this.name = 'RecordConflictError';
    this.recordKind = options.recordKind;
    this.id = options.id;
  }

  static override isInstance(error: unknown): error is RecordConflictError {
    return CorpusError.isInstance(error) && (error as Error).name === 'RecordConflictError';
  }
}
