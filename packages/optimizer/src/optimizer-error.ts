/** Base of every error the optimizer throws, so callers can tell the outer loop's refusals apart. */
export class OptimizerError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}
