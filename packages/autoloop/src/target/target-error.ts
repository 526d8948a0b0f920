/** A target file that is not JSON, or not parameters the controller accepts, or a component that cannot be written. */
export class TargetError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'TargetError';
  }
}
