import type { Task } from '@ratchet/runtime';
import { createRng } from '@ratchet/stats';
import { z } from 'zod';
import { parseSimOptions } from './sim-options-error';

/** Said wherever the simulator's tasks, runs or results could be mistaken for a benchmark. */
export const simNotice = 'calibration simulator — not a benchmark';

/** A simulated task: its latent difficulty and the success probability of an unsteered attempt. */
export interface SimInput {
  readonly notice: typeof simNotice;
  /** Latent difficulty in [0, 1); the statistics under test never see it. */
  readonly difficulty: number;
  /** Success probability of an unsteered attempt: 0.9 − 0.8 × difficulty, in (0.1, 0.9]. */
  readonly baseRate: number;
}

const optionsSchema = z.object({
  count: z.number().int().min(0).max(1_000_000),
  seed: z.union([z.number().finite(), z.string().min(1)]).default(0),
  split: z.enum(['train', 'val', 'holdout']).default('train'),
});
export type SimTasksOptions = z.input<typeof optionsSchema>;

/**
 * Tasks of the calibration simulator, with latent difficulty uniform on [0, 1). Task i depends only
 * on (seed, split, i). Used to measure whether the statistics and the gate find planted effects and
 * reject null ones — never reported as a benchmark result.
 *
 * @throws {SimOptionsError} when an option is invalid.
 * @example
 * simTasks({ count: 1, seed: 3 })[0].id; // => 'sim-3-train-0000'
 */
export function simTasks(options: SimTasksOptions): Task<SimInput>[] {
  const { count, seed, split } = parseSimOptions('simTasks', optionsSchema, options);
  return Array.from({ length: count }, (_, i) => {
    const difficulty = createRng(seed).fork(`sim/${split}/${i}`).next();
    return {
      id: `sim-${seed}-${split}-${String(i).padStart(4, '0')}`,
      split,
      input: { notice: simNotice, difficulty, baseRate: 0.9 - 0.8 * difficulty },
    };
  });
}
