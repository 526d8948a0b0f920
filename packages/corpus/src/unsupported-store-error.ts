import { CorpusError } from './corpus-error';

/** Hides the password of a URL with credentials (`postgres://user:secret@host`), for messages. */
const redacted = (url: string) => url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^@/]*@/i, '$1:***@');

/** The corpus URL names a store this Ratchet cannot open. The message never shows a password. */
export class UnsupportedStoreError extends CorpusError {
  /** The URL, with any password replaced by `***`. */
  readonly url: string;

  constructor(url: string, reason: string, options?: { cause?: unknown }) {
    super(`cannot open corpus "${redacted(url)}": ${reason}`, options);
    this.name = 'UnsupportedStoreError';
    this.url = redacted(url);
  }

  static override isInstance(error: unknown): error is UnsupportedStoreError {
    return CorpusError.isInstance(error) && (error as Error).name === 'UnsupportedStoreError';
  }
}
