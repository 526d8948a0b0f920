import { RuntimeError } from './runtime-error';

/** A strategy asked for an attempt its budget does not allow. The harness, not the strategy, decides. */
export class BudgetExhaustedError extends RuntimeError {
  readonly limit: 'attempts' | 'usd' | 'tokens' | 'wallMs';

  constructor(limit: BudgetExhaustedError['limit'], detail: string) {
    super(`the cell's ${limit} budget is spent (${detail}); a strategy cannot make another attempt`);
    this.name = 'BudgetExhaustedError';
    this.limit = limit;
  }

  static override isInstance(error: unknown): error is BudgetExhaustedError {
    return RuntimeError.isInstance(error) && (error as Error).name === 'BudgetExhaustedError';
  }
}
