const marker = Symbol.for('@ratchet/autoloop.loop-error');

/** Base class of the errors the loop engine throws; `isInstance` works across package copies. */
export class LoopError extends Error {
  readonly [marker] = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LoopError';
  }

  static isInstance(error: unknown): error is LoopError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}
