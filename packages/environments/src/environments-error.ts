const marker = Symbol.for('@ratchet/environments.error');

/**
 * Base class of every error this package throws: the built-in families (dsl, sat, sim), the solver
 * runners, the family registry and the adapters (`AdapterError`). `isInstance` works across copies of the package, where `instanceof` would not.
 */
export class EnvironmentsError extends Error {
  readonly [marker] = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EnvironmentsError';
  }

  static isInstance(error: unknown): error is EnvironmentsError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}
