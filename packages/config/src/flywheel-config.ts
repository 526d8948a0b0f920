import { z } from 'zod';

/**
 * The `flywheel` section: how `ratchet flywheel` runs the flywheel test on the config's family. Every
 * field has a default, so a config without the section runs the default test; the command's flags
 * replace `generations`, `evaluationTasks` and `seed`.
 */
export const flywheelConfigSchema = z
  .strictObject({
    generations: z
      .number()
      .int()
      .min(1)
      .max(50)
      .default(5)
      .describe('The last generation: generations 0..G run (default 5).'),
    evaluationTasks: z
      .number()
      .int()
      .min(2)
      .max(10_000)
      .default(100)
      .describe('Evaluation tasks a generation, from its val and holdout splits (default 100).'),
    k: z.number().int().min(1).max(1000).default(4).describe('Attempts per task, refine@k for both arms (default 4).'),
    seed: z
      .union([z.number().int(), z.string().min(1)])
      .default(1)
      .describe('The flywheel seed: generation g draws its tasks with seed "<seed>-g<g>" (default 1).'),
    learner: z
      .record(z.string(), z.unknown())
      .default({})
      .describe("The family miner's settings, fixed for every generation (default: the miner's defaults)."),
  })
  .describe('The flywheel test: a learned arm against a frozen one over generations of fresh tasks.');
export type FlywheelConfig = z.output<typeof flywheelConfigSchema>;
