import { CorpusError } from './corpus-error';

/** The corpus URL names a store this Ratchet cannot open. */
export class UnsupportedStoreError extends CorpusError {
  readonly url: string;

  constructor(url: string, reason: string, options?: { cause?: unknown }) {
    super(`cannot open corpus "${url}": ${reason}`, options);
    this.name = 'UnsupportedStoreError';
    this.url = url;
  }

  static override isInstance(error: unknown): error is UnsupportedStoreError {
    return CorpusError.isInstance(error) && (error as Error).name === 'UnsupportedStoreError';
  }
}
