import { RuntimeError } from '@ratchet/runtime';

/** A run stopped by Ctrl+C: everything finished is recorded; the message says how to resume. Exit code 130. */
export class RunInterruptedError extends RuntimeError {
  constructor(message: string) {
    super(message);
    this.name = 'RunInterruptedError';
  }
}
