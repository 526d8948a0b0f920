import { CorpusError } from './corpus-error';

/**
 * A record from an older schema cannot be upgraded honestly to the current one (a v1 cell whose final
 * output a judge chose, which docs/design.md rule 2 forbids as a result). Names the record and says why.
 */
export class RecordUpgradeError extends CorpusError {
  readonly recordKind: 'attempt' | 'cell' | 'manifest';
  readonly id: string;
  /** The field whose value cannot be carried over. */
  readonly field: string;
  readonly reason: string;

  constructor(options: {
    recordKind: 'attempt' | 'cell' | 'manifest';
    id: string;
    field: string;
    reason: string;
    location?: string;
  }) {
    const where = options.location === undefined ? '' : `${options.location}: `;
    const untouched = options.location === undefined ? '' : ` (${options.location} was not modified)`;
    super(
      `${where}${options.recordKind} "${options.id}" cannot be upgraded to the current record schema: ${options.reason}${untouched}`,
    );
    this.name = 'RecordUpgradeError';
    this.recordKind = options.recordKind;
    this.id = options.id;
    this.field = options.field;
    this.reason = options.reason;
  }

  static override isInstance(error: unknown): error is RecordUpgradeError {
    return CorpusError.isInstance(error) && (error as Error).name === 'RecordUpgradeError';
  }
}
