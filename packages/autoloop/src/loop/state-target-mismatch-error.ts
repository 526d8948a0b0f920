import { LoopError } from './loop-error';

/**
 * The state found in the state root belongs to another target. Resuming it would mix two loops' histories
 * (hashes, spend, counters), so the loop refuses and writes nothing.
 */
export class StateTargetMismatchError extends LoopError {
  readonly stateTarget: string;
  readonly target: string;

  constructor(options: { stateTarget: string; target: string }) {
    super(
      `the state root holds the loop of target "${options.stateTarget}", not "${options.target}"; use another --state-root for this target, or pass --target ${options.stateTarget} to resume that loop`,
    );
    this.name = 'StateTargetMismatchError';
    this.stateTarget = options.stateTarget;
    this.target = options.target;
  }

  static override isInstance(error: unknown): error is StateTargetMismatchError {
    return LoopError.isInstance(error) && (error as Error).name === 'StateTargetMismatchError';
  }
}
