import { z } from 'zod';
import { satInstanceClasses } from './sat-instance-class';

/** The search settings learned for one instance class: what the miner picks and the controller sends. */
export const satClassSettingsSchema = z.strictObject({
  noise: z.number().min(0).max(1),
  /** Flips between restarts; null never restarts. */
  restartEvery: z.number().int().min(1).max(100_000_000).nullable(),
  weighting: z.enum(['none', 'additive']),
});
export type SatClassSettings = z.infer<typeof satClassSettingsSchema>;

/** Instance class → settings; a class with no entry runs with the controller's own settings. */
export const satClassSettingsMapSchema = z.partialRecord(z.enum(satInstanceClasses), satClassSettingsSchema);
export type SatClassSettingsMap = z.infer<typeof satClassSettingsMapSchema>;
