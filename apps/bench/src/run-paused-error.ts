import { RuntimeError } from '@ratchet/runtime';

/**
 * A run paused by an infra failure that would hit every cell (no credentials, no billing, the provider
 * down): everything finished is recorded; the message says why and how to resume. Exit code 1.
 */
export class RunPausedError extends RuntimeError {
  constructor(message: string) {
    super(message);
    this.name = 'RunPausedError';
  }
}
