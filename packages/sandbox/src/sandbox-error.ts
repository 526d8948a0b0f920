const marker = Symbol.for('@ratchet/sandbox.error');

/** Base class of every error @ratchet/sandbox throws; `isInstance` works across package copies. */
export class SandboxError extends Error {
  readonly [marker] = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SandboxError';
  }

  static isInstance(error: unknown): error is SandboxError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}
