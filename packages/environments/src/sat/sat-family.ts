import type { Split } from '@ratchet/corpus';
import type { Family, FamilyInstance } from '@ratchet/runtime';
import { z } from 'zod';
import { familyController } from '../family-controller';
import { countOptionSchema, seedOptionSchema } from '../family-options';
import { familyRunner } from '../family-runner';
import { satAnalyst } from './sat-analyst';
import { satController, satControllerParameters, satControllerSchema } from './sat-controller';
import { type SatHandle, satEnvironment } from './sat-environment';
import { satJudge } from './sat-judge';
import { satMiner } from './sat-miner';
import { parseSatOptions } from './sat-options-error';
import { type SatInput, satTasks } from './sat-tasks';
import { satWorker } from './sat-worker';

/** The sat family's options as a config writes them. */
export const satOptionsSchema = z
  .strictObject({
    count: countOptionSchema('tasks per split', 40),
    seed: seedOptionSchema,
    flips: z
      .number({ error: 'must be a whole number of flips' })
      .int({ error: 'must be a whole number of flips' })
      .min(1, { error: 'must be at least 1 flip' })
      .max(100_000_000, { error: 'must be at most 100000000 flips' })
      .optional()
      .describe('Flips per attempt of the built-in WalkSAT (default 3000).'),
  })
  .describe('The built-in sat family: planted 3-SAT solved by WalkSAT. `count` tasks per split.');
export type SatFamilyOptions = z.output<typeof satOptionsSchema>;
export type SatFamilyOptionsInput = z.input<typeof satOptionsSchema>;

const splits: readonly Split[] = ['train', 'val', 'holdout'];

/**
 * The sat family: planted random 3-SAT near the threshold. `count` tasks per split by seed; the
 * WalkSAT worker, whose work unit is the flip; the judge; the rule analyst; and the controller space
 * the optimizer searches (`satControllerSchema`).
 *
 * @throws {SatOptionsError} from `draw` and `create` when the options are invalid.
 * @example
 * const sat = satFamily.create({ count: 40, seed: 0 });
 * await runBenchmark({ ...sat, corpus, arms: [{ id: 'refine', ...refine(2, { controller: sat.controller('refine') }) }, …] });
 */
export const satFamily = {
  id: 'sat',
  description:
    'Planted random 3-SAT at clause/variable ratio 4.2 (20–150 variables), solved by WalkSAT with a flip budget.',
  options: satOptionsSchema,
  meters: { usd: false, tokens: false, workUnit: 'flips' },
  controllerSpace: { schema: satControllerSchema, defaults: satControllerParameters },
  miner: satMiner,
  async draw(options: SatFamilyOptionsInput, split?: Split) {
    const { count, seed } = parseSatOptions('satFamily', satOptionsSchema, options);
    return (split === undefined ? splits : [split]).flatMap((one) => satTasks({ count, seed, split: one }));
  },
  create(options: SatFamilyOptionsInput, context: { readonly threads?: number } = {}) {
    const { count, seed, flips } = parseSatOptions('satFamily', satOptionsSchema, options);
    const runner = familyRunner('sat', context.threads);
    const instance: FamilyInstance<SatInput, SatHandle> = {
      environment: satEnvironment({ count, seed, splits: [...splits] }),
      worker: satWorker({ runner, ...(flips === undefined ? {} : { flips }) }),
      judge: satJudge(),
      analyst: satAnalyst(),
      // The arm does not change the sat policy.
      controller: (_armId, parameters) => familyController(satController, parameters),
      close: () => runner.close(),
    };
    return instance;
  },
} satisfies Family<SatFamilyOptions>;
