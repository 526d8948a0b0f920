import { CorpusError } from './corpus-error';

/**
 * A run the corpus will not delete: the evidence behind a holdout-ledger entry (the gate decided on its
 * cells), or train/val cells on tasks other runs hold out (what the gate's split check reads). A spent
 * holdout stays spent, and what spent it stays readable.
 */
export class ProtectedRunError extends CorpusError {
  readonly runId: string;
  /** The holdout-ledger entries (gate record ids) that name the run, if that is why. */
  readonly gateRecordIds: readonly string[];

  constructor(options: { runId: string; reason: string; gateRecordIds?: readonly string[] }) {
    super(`run "${options.runId}" cannot be deleted: ${options.reason}; nothing was deleted`);
    this.name = 'ProtectedRunError';
    this.runId = options.runId;
    this.gateRecordIds = options.gateRecordIds ?? [];
  }

  static override isInstance(error: unknown): error is ProtectedRunError {
    return CorpusError.isInstance(error) && (error as Error).name === 'ProtectedRunError';
  }
}
