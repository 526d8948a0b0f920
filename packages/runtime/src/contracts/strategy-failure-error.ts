import { RuntimeError } from './runtime-error';

/**
 * A strategy program failed as a program: it threw, ran past a sandbox limit (CPU, memory, stack,
 * host calls), or handed a judge-origin finding to `shot`. Thrown by a sandboxed strategy, never by
 * the harness. `runCell` records the cell as the program's failure — its attempts so far, no final
 * output, a failed verdict, `status: 'ok'` — so the run goes on and the program scores an honest 0.
 * A native strategy that throws anything else still stops the run: a bug in our own code stays loud.
 */
export class StrategyFailureError extends RuntimeError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StrategyFailureError';
  }

  static override isInstance(error: unknown): error is StrategyFailureError {
    return RuntimeError.isInstance(error) && (error as Error).name === 'StrategyFailureError';
  }
}
