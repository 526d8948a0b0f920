import type { CheckResult, JsonValue, Split } from '@ratchet/corpus';
import type { Environment, Task } from '@ratchet/runtime';
import { z } from 'zod';
import { parseSimOptions } from './sim-options-error';
import { type SimInput, simTasks } from './sim-tasks';

const optionsSchema = z.object({
  count: z.number().int().min(0).max(1_000_000),
  seed: z.union([z.number().finite(), z.string().min(1)]).default(0),
  splits: z
    .array(z.enum(['train', 'val', 'holdout']))
    .min(1)
    .default(['train']),
});
export type SimEnvironmentOptions = z.input<typeof optionsSchema>;

/** Whether a simulated output says it succeeded. */
export function simSucceeded(output: JsonValue): boolean {
  return (output as { succeeded?: unknown } | null)?.succeeded === true;
}

/**
 * The calibration simulator's environment — not a benchmark: `count` tasks per split. Its check
 * reports the simulated outcome, so a strategy picks a successful attempt whenever there is one
 * (a perfect visible check, which keeps an arm's true success rate known exactly).
 *
 * @throws {SimOptionsError} when an option is invalid.
 * @example
 * const environment = simEnvironment({ count: 200, seed: 1 });
 */
export function simEnvironment(options: SimEnvironmentOptions): Environment<SimInput, { taskId: string }> {
  const { count, seed, splits } = parseSimOptions('simEnvironment', optionsSchema, options);
  const bySplit = new Map<Split, Task<SimInput>[]>(splits.map((split) => [split, simTasks({ count, seed, split })]));
  return {
    id: 'sim (calibration simulator — not a benchmark)',
    version: '1',
    async tasks(split) {
      return split === undefined ? [...bySplit.values()].flat() : (bySplit.get(split) ?? []);
    },
    async open(task) {
      return { taskId: task.id };
    },
    async checks(_handle, output): Promise<CheckResult[]> {
      return [{ name: 'simulated-check', passed: simSucceeded(output), score: null }];
    },
    async close() {},
  };
}
