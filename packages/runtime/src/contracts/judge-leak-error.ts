import { RuntimeError } from './runtime-error';

/**
 * A finding whose origin is a judge reached a steer (docs/design.md rule 1: the judge is write-only). Names
 * the offending findings by position and claim so the analyst or controller that produced them can be fixed.
 */
export class JudgeLeakError extends RuntimeError {
  readonly offending: ReadonlyArray<{ index: number; claim: string }>;

  constructor(offending: ReadonlyArray<{ index: number; claim: string }>) {
    const listed = offending.map((f) => `#${f.index} "${f.claim.slice(0, 80)}"`).join(', ');
    super(
      `refusing to build a steer from judge-derived findings (${listed}); only findings with origin 'trace' may steer`,
    );
    this.name = 'JudgeLeakError';
    this.offending = offending;
  }

  static override isInstance(error: unknown): error is JudgeLeakError {
    return RuntimeError.isInstance(error) && (error as Error).name === 'JudgeLeakError';
  }
}
