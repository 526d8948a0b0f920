const marker = Symbol.for('@ratchet/judges.error');

/**
 * Base class of every error @ratchet/judges throws. `isInstance` works across copies of the package,
 * where `instanceof` would not.
 */
export class JudgeError extends Error {
  readonly [marker] = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'JudgeError';
  }

  static isInstance(error: unknown): error is JudgeError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}
