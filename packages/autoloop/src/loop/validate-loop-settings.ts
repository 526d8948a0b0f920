import type { LoopSettings } from '../autoloop-types';
import { InvalidLoopSettingsError } from './invalid-loop-settings-error';

function requireInteger(setting: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new InvalidLoopSettingsError({ setting, problem: `must be an integer ≥ ${min}, received ${value}` });
  }
}

function requireFinite(setting: string, value: number, min: number): void {
  if (!Number.isFinite(value) || value < min) {
    throw new InvalidLoopSettingsError({ setting, problem: `must be a finite number ≥ ${min}, received ${value}` });
  }
}

/**
 * Checks the settings before the loop reads or writes anything, so a typo never becomes a loop that stops
 * at once (a window of 0) or never (a NaN cap).
 *
 * @throws {InvalidLoopSettingsError} naming the first setting out of range.
 */
export function validateLoopSettings(settings: LoopSettings): void {
  requireInteger('maxIterations', settings.maxIterations, 1);
  if (settings.maxCostUsd !== null) requireFinite('maxCostUsd', settings.maxCostUsd, 0);
  requireInteger('plateauWindow', settings.plateauWindow, 1);
  requireFinite('cooldownMinutes', settings.cooldownMinutes, 0);
  requireInteger('maxConsecutiveErrors', settings.maxConsecutiveErrors, 1);
  if (!Number.isFinite(settings.minImprovement)) {
    throw new InvalidLoopSettingsError({
      setting: 'minImprovement',
      problem: `must be a finite number, received ${settings.minImprovement}`,
    });
  }
  if (!['single-run', 'continuous', 'scheduled'].includes(settings.mode)) {
    throw new InvalidLoopSettingsError({
      setting: 'mode',
      problem: `must be single-run, continuous or scheduled, received ${String(settings.mode)}`,
    });
  }
}
