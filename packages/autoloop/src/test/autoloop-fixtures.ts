import type { LoopSettings } from '../autoloop-types';
import { AutoloopStateError } from '../state/autoloop-state-error';

/** The settings the engine's tests start from: 10 iterations, no cost cap, a window of 3, a 30-minute cooldown. */
export const engineTestSettings: LoopSettings = Object.freeze({
  maxIterations: 10,
  maxCostUsd: null,
  plateauWindow: 3,
  cooldownMinutes: 30,
  mode: 'single-run',
  maxConsecutiveErrors: 3,
  minImprovement: 0,
  dryRun: true,
});

/** The AutoloopStateError a promise rejects with; any other outcome fails the test. */
export async function stateErrorOf(promise: Promise<unknown>): Promise<AutoloopStateError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (AutoloopStateError.isInstance(error)) return error;
  throw new Error(`expected an AutoloopStateError, got ${String(error)}`);
}
