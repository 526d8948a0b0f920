import type { LibraryMiner } from '@ratchet/runtime';
import { z } from 'zod';
import { mineSatSettings } from './mine-sat-settings';

/** The sat miner's settings: the `mineSatSettings` rule's minimum support (the learner applies the cut-off). */
export const satMinerSettingsSchema = z.strictObject({
  minSupport: z.number().int().min(1).default(3),
});
export type SatMinerSettings = z.output<typeof satMinerSettingsSchema>;

/**
 * The sat family's miner: per instance class, the search settings whose certified attempts needed the
 * fewest flips (`mineSatSettings`), as the controller's `classSettings`. Only fresh attempts count (a
 * continued one's flips leave out the search before it), and tasks are told apart by benchmark.
 */
export const satMiner: LibraryMiner<SatMinerSettings> = {
  id: 'sat-class-settings',
  settings: satMinerSettingsSchema,
  mine(examples, settings) {
    const fresh = examples
      .filter((example) => !example.continued)
      .map((example) => ({
        taskId: `${example.benchmark}/${example.taskId}`,
        input: example.input,
        steer: example.steer,
        workUnits: example.usage.workUnits,
        createdAt: example.createdAt,
      }));
    const classSettings = mineSatSettings(fresh, { minSupport: settings.minSupport });
    return {
      parameters: { classSettings },
      summary: { attempts: fresh.length, classes: Object.keys(classSettings).length, classSettings },
    };
  },
};
