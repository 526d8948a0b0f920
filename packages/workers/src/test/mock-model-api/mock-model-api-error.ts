/** The mock model API was misused: a scenario that does not parse, or a call after `close()`. */
export class MockModelApiError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MockModelApiError';
  }
}
