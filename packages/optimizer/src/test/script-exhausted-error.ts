import { OptimizerError } from '../optimizer-error';

/** A scripted proposer was asked for more proposals than its script holds. */
export class ScriptExhaustedError extends OptimizerError {
  readonly call: number;
  readonly scripted: number;

  constructor(call: number, scripted: number) {
    super(
      `scriptedProposer: asked for proposal ${call + 1} but the script holds ${scripted}; add entries to the script or pass a function that answers every call`,
    );
    this.call = call;
    this.scripted = scripted;
  }
}
