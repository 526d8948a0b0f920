import { RuntimeError } from './runtime-error';

/**
 * A spend cap was set on a figure that was not measured (a worker that reports no dollars, an analyst
 * that meters nothing), so the cap cannot hold. The run stops instead of spending without a limit.
 */
export class UnenforceableCapError extends RuntimeError {
  readonly cap: 'usd' | 'tokens' | 'wallMs';
  readonly scope: 'cell' | 'run';

  constructor(options: { cap: 'usd' | 'tokens' | 'wallMs'; scope: 'cell' | 'run'; where: string }) {
    const what = options.scope === 'run' ? 'the run' : 'a cell';
    super(
      `the ${options.cap} cap on ${what} cannot be enforced: ${options.where} did not measure ${options.cap}. Remove the cap, or use a worker and analyst that measure it; finished cells are kept and the run resumes`,
    );
    this.name = 'UnenforceableCapError';
    this.cap = options.cap;
    this.scope = options.scope;
  }

  static override isInstance(error: unknown): error is UnenforceableCapError {
    return RuntimeError.isInstance(error) && (error as Error).name === 'UnenforceableCapError';
  }
}
