import type { Split } from '@ratchet/corpus';
import { type Family, type FamilyInstance, InvalidControllerError, ruleAnalyst } from '@ratchet/runtime';
import { z } from 'zod';
import { countOptionSchema, seedOptionSchema } from '../family-options';
import { simController } from './sim-controller';
import { simEnvironment } from './sim-environment';
import { simJudge } from './sim-judge';
import { parseSimOptions } from './sim-options-error';
import { type SimInput, simTasks } from './sim-tasks';
import { simWorker } from './sim-worker';

/** The sim family's options as a config writes them. */
export const simOptionsSchema = z
  .strictObject({
    count: countOptionSchema('tasks per split', 100),
    seed: seedOptionSchema,
    effects: z
      .record(z.string().min(1), z.number().min(-1).max(1))
      .default({})
      .describe('The planted effect on success probability per arm id (−1 to 1); arms not listed get 0.'),
    continuation: z
      .number()
      .min(-1)
      .max(1)
      .optional()
      .describe(
        'Make topology matter: attempts leave a checkpoint, draw their outcomes independently, and a continued attempt gains this much success probability per step of depth (−1 to 1). Omitted: no checkpoint, one draw per cell.',
      ),
  })
  .describe('The calibration simulator (not a benchmark): planted effects per arm id. `count` tasks per split.');
export type SimFamilyOptions = z.output<typeof simOptionsSchema>;
export type SimFamilyOptionsInput = z.input<typeof simOptionsSchema>;

/** Nothing to learn: the sim controller is defined by the arm it names, which the family sets. */
const simControllerSpace = z.strictObject({});

const splits: readonly Split[] = ['train', 'val', 'holdout'];

/**
 * The calibration simulator as a family — not a benchmark: tasks with latent difficulty, a worker
 * that succeeds with the task's base rate plus the planted effect of the arm its steer names, and a
 * judge that reads the simulated outcome. `controller(armId)` is `simController(armId)`, so each
 * arm's steers carry its effect. It measures nothing a run could compare as work: no work unit.
 *
 * @throws {SimOptionsError} from `draw` and `create` when the options are invalid.
 * @example
 * const sim = simFamily.create({ count: 150, seed: 2, effects: { refine: 0.3 } });
 * // arms random(2) and refine(2, { controller: sim.controller('refine') }) differ by 0.3 in expectation
 */
export const simFamily = {
  id: 'sim',
  description: 'Calibration simulator — not a benchmark: latent difficulty and planted effects per arm.',
  options: simOptionsSchema,
  meters: { usd: false, tokens: false, workUnit: null },
  controllerSpace: { schema: simControllerSpace, defaults: {} },
  async draw(options: SimFamilyOptionsInput, split?: Split) {
    const { count, seed } = parseSimOptions('simFamily', simOptionsSchema, options);
    return (split === undefined ? splits : [split]).flatMap((one) => simTasks({ count, seed, split: one }));
  },
  create(options: SimFamilyOptionsInput) {
    const { count, seed, effects, continuation } = parseSimOptions('simFamily', simOptionsSchema, options);
    const instance: FamilyInstance<SimInput, { taskId: string }> = {
      environment: simEnvironment({ count, seed, splits: [...splits] }),
      worker: simWorker({ effects, ...(continuation === undefined ? {} : { continuation }) }),
      judge: simJudge(),
      analyst: ruleAnalyst(),
      controller(armId, parameters) {
        const checked = simControllerSpace.safeParse(parameters ?? {});
        if (!checked.success) {
          const issues = checked.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message }));
          throw new InvalidControllerError(`sim-${armId}`, issues);
        }
        return simController(armId);
      },
      close: async () => {},
    };
    return instance;
  },
} satisfies Family<SimFamilyOptions>;
