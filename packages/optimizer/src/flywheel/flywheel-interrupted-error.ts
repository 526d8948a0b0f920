import { OptimizerError } from '../optimizer-error';

/**
 * A flywheel generation's run stopped before every cell was recorded (a signal, an infra pause, a spend
 * cap): what was recorded stays, and the same `flywheel` call resumes from it.
 */
export class FlywheelInterruptedError extends OptimizerError {
  readonly generation: number;
  readonly runId: string;

  constructor(generation: number, runId: string, status: string, detail: string | null) {
    super(
      `flywheel: generation ${generation} stopped (${status}${detail ? `: ${detail}` : ''}); its recorded cells are kept in run ${runId}, and the same call resumes it`,
    );
    this.generation = generation;
    this.runId = runId;
  }
}
