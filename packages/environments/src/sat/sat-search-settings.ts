import type { Steer } from '@ratchet/corpus';
import { z } from 'zod';
import { parseSatOptions } from './sat-options-error';
import type { SatFocus, SatRestartFrom } from './solve-sat';

/** How one WalkSAT attempt searches; a steer may change any of it through `steer.parameters`. */
export interface SatSearchSettings {
  readonly noise: number;
  readonly restartEvery: number | null;
  readonly restartFrom: SatRestartFrom;
  readonly focus: SatFocus;
}

/** Near the best noise for WalkSAT/SKC on random 3-SAT (about 0.5–0.57); no restarts; uniform focus. */
export const defaultSatSearchSettings: SatSearchSettings = {
  noise: 0.5,
  restartEvery: null,
  restartFrom: 'random',
  focus: 'uniform',
};

/**
 * The steer parameters the sat worker reads. Keys it does not know (another controller's) are
 * ignored; a known key with a bad value is the controller's bug and is refused.
 */
export const satSteerParametersSchema = z.object({
  noise: z.number().min(0).max(1).optional(),
  restartEvery: z.number().int().min(1).nullable().optional(),
  restartFrom: z.enum(['random', 'best']).optional(),
  focus: z.enum(['uniform', 'oldest']).optional(),
});
export type SatSteerParameters = z.infer<typeof satSteerParametersSchema>;

/**
 * The settings of an attempt: the defaults, overridden by what the steer sets.
 *
 * @throws {SatOptionsError} when a steer parameter the worker knows has an invalid value.
 * @example
 * satSearchSettings({ text: '', parameters: { noise: 0.6 } }).noise; // => 0.6
 */
export function satSearchSettings(steer: Steer | null): SatSearchSettings {
  const parsed = parseSatOptions('satWorker steer.parameters', satSteerParametersSchema, steer?.parameters ?? {});
  const settings = { ...defaultSatSearchSettings };
  for (const [key, value] of Object.entries(parsed)) {
    if (value !== undefined) Object.assign(settings, { [key]: value });
  }
  return settings;
}
