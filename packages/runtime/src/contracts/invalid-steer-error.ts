import { RuntimeError } from './runtime-error';

/**
 * A controller built a steer the worker does not accept (a parameter out of range, of the wrong type).
 * It is the controller's bug, not the agent's outcome and not infra: the run stops, naming the
 * controller, the worker and every offending field, so it is fixed rather than scored.
 */
export class InvalidSteerError extends RuntimeError {
  readonly controllerId: string;
  readonly workerId: string;
  readonly issues: ReadonlyArray<{ field: string; message: string }>;

  constructor(options: {
    controllerId: string;
    workerId: string;
    issues: ReadonlyArray<{ field: string; message: string }>;
  }) {
    const listed = options.issues.map((issue) => `steer.parameters.${issue.field}: ${issue.message}`).join('; ');
    super(
      `controller "${options.controllerId}" built a steer that worker "${options.workerId}" does not accept (${listed}); fix the controller's steer or its parameters`,
    );
    this.name = 'InvalidSteerError';
    this.controllerId = options.controllerId;
    this.workerId = options.workerId;
    this.issues = options.issues;
  }

  static override isInstance(error: unknown): error is InvalidSteerError {
    return RuntimeError.isInstance(error) && (error as Error).name === 'InvalidSteerError';
  }
}
