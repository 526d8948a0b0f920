const marker = Symbol.for('@ratchet/runtime.error');

/** Base class of every error @ratchet/runtime throws; `isInstance` works across package copies. */
export class RuntimeError extends Error {
  readonly [marker] = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RuntimeError';
  }

  static isInstance(error: unknown): error is RuntimeError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}
