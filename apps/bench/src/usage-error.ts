import { RuntimeError } from '@ratchet/runtime';

/** The command line itself was wrong (an unknown run id, a missing file): exit code 2. */
export class UsageError extends RuntimeError {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }

  static override isInstance(error: unknown): error is UsageError {
    return RuntimeError.isInstance(error) && (error as Error).name === 'UsageError';
  }
}
