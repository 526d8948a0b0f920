import type { Steer } from '@ratchet/corpus';
import { z } from 'zod';
import type { SatWeighting } from './clause-weights';
import { parseSatOptions } from './sat-options-error';
import type { SatFocus, SatRestartFrom } from './solve-sat';

/** How one WalkSAT attempt searches; a steer may change any of it through `steer.parameters`. */
export interface SatSearchSettings {
  readonly noise: number;
  readonly restartEvery: number | null;
  readonly restartFrom: SatRestartFrom;
  readonly focus: SatFocus;
  /** `additive`: weighted WalkSAT, whose clause weights the checkpoint carries to the next attempt. */
  readonly weighting: SatWeighting;
  /**
   * Whether a continued weighted attempt starts from the checkpoint's clause weights; false starts it
   * from uniform weights, the control that shows what the weights carry.
   */
  readonly resumeWeights: boolean;
}

/**
 * Near the best noise for WalkSAT/SKC on random 3-SAT (about 0.5–0.57); no restarts; uniform focus;
 * no clause weighting, so the default search is the plain WalkSAT every earlier figure was measured with.
 */
export const defaultSatSearchSettings: SatSearchSettings = {
  noise: 0.5,
  restartEvery: null,
  restartFrom: 'random',
  focus: 'uniform',
  weighting: 'none',
  resumeWeights: true,
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
  weighting: z.enum(['none', 'additive']).optional(),
  resumeWeights: z.boolean().optional(),
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
