import { RuntimeError } from './runtime-error';

/** A controller's parameters fall outside its schema (a bound, a type, an unknown key). */
export class InvalidControllerError extends RuntimeError {
  readonly controllerId: string;
  readonly issues: ReadonlyArray<{ field: string; message: string }>;

  constructor(controllerId: string, issues: ReadonlyArray<{ field: string; message: string }>) {
    const listed = issues.map((issue) => `${issue.field || '(parameters)'}: ${issue.message}`).join('; ');
    super(`controller "${controllerId}" has invalid parameters (${listed}); give values its schema accepts`);
    this.name = 'InvalidControllerError';
    this.controllerId = controllerId;
    this.issues = issues;
  }

  static override isInstance(error: unknown): error is InvalidControllerError {
    return RuntimeError.isInstance(error) && (error as Error).name === 'InvalidControllerError';
  }
}
