import { RuntimeError } from '@ratchet/runtime';

/**
 * A worker, provider or price configuration is wrong or incomplete: a missing credential, an
 * unreachable endpoint, a malformed model string or price file. Raised before any run starts.
 */
export class WorkerConfigError extends RuntimeError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WorkerConfigError';
  }

  static override isInstance(error: unknown): error is WorkerConfigError {
    return RuntimeError.isInstance(error) && (error as Error).name === 'WorkerConfigError';
  }
}
