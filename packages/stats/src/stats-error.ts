const marker = Symbol.for('@ratchet/stats.error');

/**
 * Base class of every error @ratchet/stats throws. `isInstance` works across copies of the package,
 * where `instanceof` would not.
 */
export class StatsError extends Error {
  readonly [marker] = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StatsError';
  }

  static isInstance(error: unknown): error is StatsError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}
