import { EnvironmentsError } from '../environments-error';

const marker = Symbol.for('@ratchet/environments.dsl-error');

/** Base class of every error the dsl family throws; `isInstance` works across package copies. */
export class DslError extends EnvironmentsError {
  readonly [marker] = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DslError';
  }

  static override isInstance(error: unknown): error is DslError {
    return EnvironmentsError.isInstance(error) && marker in error;
  }
}
