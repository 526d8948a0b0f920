import { EnvironmentsError } from '../environments-error';

const marker = Symbol.for('@ratchet/environments.adapter-error');

/**
 * Base class of every error the benchmark adapters throw, under the package's `EnvironmentsError`.
 * `isInstance` works across copies of the package, where `instanceof` would not.
 */
export class AdapterError extends EnvironmentsError {
  readonly [marker] = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AdapterError';
  }

  static override isInstance(error: unknown): error is AdapterError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}
