import { RuntimeError } from '@ratchet/runtime';

const usage = Symbol.for('@ratchet/bench.usage-error');

/** The command line or its input was wrong (an unknown run id, a missing file, a bad config): exit code 2. */
export class UsageError extends RuntimeError {
  readonly [usage] = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UsageError';
  }

  static override isInstance(error: unknown): error is UsageError {
    return RuntimeError.isInstance(error) && usage in error;
  }
}
