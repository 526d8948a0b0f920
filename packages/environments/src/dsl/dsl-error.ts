const marker = Symbol.for('@ratchet/environments.dsl-error');

/** Base class of every error the dsl family throws; `isInstance` works across package copies. */
export class DslError extends Error {
  readonly [marker] = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DslError';
  }

  static isInstance(error: unknown): error is DslError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}
