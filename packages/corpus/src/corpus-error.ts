const marker = Symbol.for('@ratchet/corpus.error');

/** Base class of every error @ratchet/corpus throws; `isInstance` works across package copies. */
export class CorpusError extends Error {
  readonly [marker] = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CorpusError';
  }

  static isInstance(error: unknown): error is CorpusError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}
