import { LoopError } from './loop-error';

/** A scripted orchestrator was asked for more iterations than its script holds: the test's script is too short. */
export class ScriptExhaustedError extends LoopError {
  readonly iteration: number;

  constructor(options: { iteration: number; steps: number }) {
    super(
      `the scripted orchestrator has ${options.steps} steps but was asked for call ${options.iteration}; add steps to the script or expect the loop to stop sooner`,
    );
    this.name = 'ScriptExhaustedError';
    this.iteration = options.iteration;
  }

  static override isInstance(error: unknown): error is ScriptExhaustedError {
    return LoopError.isInstance(error) && (error as Error).name === 'ScriptExhaustedError';
  }
}
