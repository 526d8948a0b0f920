import { CorpusError } from './corpus-error';

/** An operation named a record the corpus does not hold. */
export class RecordNotFoundError extends CorpusError {
  readonly recordKind: 'attempt' | 'cell' | 'manifest';
  readonly id: string;

  constructor(options: { recordKind: 'attempt' | 'cell' | 'manifest'; id: string }) {
    super(`no ${options.recordKind} with id "${options.id}" is in the corpus; append it first`);
    this.name = 'RecordNotFoundError';
    this.recordKind = options.recordKind;
    this.id = options.id;
  }

  static override isInstance(error: unknown): error is RecordNotFoundError {
    return CorpusError.isInstance(error) && (error as Error).name === 'RecordNotFoundError';
  }
}
