import { SandboxError } from './sandbox-error';

/** Sandbox limits that cannot hold: each field the schema refuses, with what it accepts. */
export class InvalidLimitsError extends SandboxError {
  readonly issues: ReadonlyArray<{ field: string; message: string }>;

  constructor(issues: ReadonlyArray<{ field: string; message: string }>) {
    const listed = issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ');
    super(`invalid sandbox limits (${listed}); omit a field to keep its default`);
    this.name = 'InvalidLimitsError';
    this.issues = issues;
  }

  static override isInstance(error: unknown): error is InvalidLimitsError {
    return SandboxError.isInstance(error) && (error as Error).name === 'InvalidLimitsError';
  }
}
