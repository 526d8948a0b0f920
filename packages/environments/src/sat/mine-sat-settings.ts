import {
  type MineSatSettingsOptions,
  mineSatSettingsOptionsSchema,
  rankSatSettings,
  type SatSettingsExample,
} from './rank-sat-settings';
import type { SatClassSettingsMap } from './sat-class-settings';
import { parseSatOptions } from './sat-options-error';

/**
 * Mines the sat controller's `classSettings` from certified attempts: per instance class, the search
 * settings (noise, restarts, weighting) whose certified attempts needed the fewest flips. A pure
 * function: the caller reads the corpus and passes certified attempts of train and val cells only.
 *
 * The rule, fixed before any measurement:
 * - An attempt's class is `satInstanceClass(input)`; its settings are what the worker ran with (the
 *   steer's parameters over the worker's defaults). Attempts with no class, a steer the worker would
 *   refuse, unmeasured flips, or recorded at or after `until` are skipped.
 * - Per class, each settings' score is the median, over every task of the class that any settings
 *   solved, of the flips it needed there (the median of a task's replicates first, docs/statistics.md's "replicates
 *   averaged first"); a task it has no certified attempt on counts as worse than any it solved —
 *   the penalised median runtime of algorithm configuration (ParamILS, Hutter et al. 2009), robust to
 *   a few long runs and not fooled by settings that solve only the easy tasks fast. It reads absence as
 *   failure, so it is meant for attempts where every settings was tried on every task (a grid of arms);
 *   otherwise it favours the settings tried most widely.
 * - Settings are eligible for a class when they solved at least `minSupport` distinct tasks of it
 *   (default 3). The pick is the eligible one with the lowest score; ties go to more tasks solved, then
 *   fewer mean flips over the solved ones, then the settings' canonical JSON. A class with no eligible
 *   settings gets no entry, so the controller keeps its own settings there.
 * - No recency weighting: the solver and the task distribution do not drift within a family version,
 *   so an older certified attempt is as informative as a newer one; `until` is the cut-off instead.
 *   Flips of an attempt that continued from a checkpoint do not count the search before it: pass
 *   fresh attempts (attempt 0 of a cell) for a fair count.
 *
 * @throws {SatOptionsError} when an option is invalid.
 * @example
 * mineSatSettings(certifiedAttempts, { minSupport: 5 });
 * // => { 'large/threshold': { noise: 0.6, restartEvery: null, weighting: 'additive' }, … }
 */
export function mineSatSettings(
  examples: readonly SatSettingsExample[],
  options: MineSatSettingsOptions = {},
): SatClassSettingsMap {
  const parsed = parseSatOptions('mineSatSettings', mineSatSettingsOptionsSchema, options);
  const { classes } = rankSatSettings(examples, parsed);
  const mined: SatClassSettingsMap = {};
  for (const { instanceClass, candidates } of classes) {
    const pick = candidates.find((candidate) => candidate.solved >= parsed.minSupport);
    if (pick !== undefined) mined[instanceClass] = { ...pick.settings };
  }
  return mined;
}
