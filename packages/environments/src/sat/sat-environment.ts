import type { CheckResult, JsonValue, Split } from '@ratchet/corpus';
import type { Environment, Task } from '@ratchet/runtime';
import { z } from 'zod';
import { countUnsatisfied, parseAssignment } from './sat-formula';
import { parseSatOptions } from './sat-options-error';
import { type SatInput, satTasks } from './sat-tasks';

/** A cell's state: the formula, and nothing of the hidden solution. */
export interface SatHandle {
  readonly taskId: string;
  readonly input: SatInput;
}

const optionsSchema = z.object({
  count: z.number().int().min(0).max(100_000),
  seed: z.union([z.number().finite(), z.string().min(1)]).default(0),
  splits: z
    .array(z.enum(['train', 'val', 'holdout']))
    .min(1)
    .default(['train']),
});
export type SatEnvironmentOptions = z.input<typeof optionsSchema>;

/**
 * The sat environment: `count` planted 3-SAT tasks per split. Its one check counts the clauses the
 * output leaves unsatisfied. The formula is public input, so the check needs no oracle and is what a
 * deployed solver could run too.
 *
 * @throws {SatOptionsError} when an option is invalid.
 * @example
 * const environment = satEnvironment({ count: 40, seed: 0, splits: ['train', 'holdout'] });
 */
export function satEnvironment(options: SatEnvironmentOptions): Environment<SatInput, SatHandle> {
  const { count, seed, splits } = parseSatOptions('satEnvironment', optionsSchema, options);
  const bySplit = new Map<Split, Task<SatInput>[]>(splits.map((split) => [split, satTasks({ count, seed, split })]));
  return {
    id: 'sat',
    version: '1',
    async tasks(split) {
      return split === undefined ? [...bySplit.values()].flat() : (bySplit.get(split) ?? []);
    },
    async open(task) {
      return { taskId: task.id, input: task.input };
    },
    async checks(handle, output) {
      return [unsatisfiedClausesCheck(handle.input, output)];
    },
    async close() {},
  };
}

/**
 * Passed when the output satisfies every clause; score 1 − unsatisfied/clauses so a strategy can
 * prefer the nearer miss. An output that is not an assignment of the right length is not measured.
 */
export function unsatisfiedClausesCheck(input: SatInput, output: JsonValue): CheckResult {
  const assignment = parseAssignment(output, input.variables);
  if (assignment === null) {
    return {
      name: 'unsatisfied-clauses',
      passed: false,
      score: null,
      details: { error: `expected a bit string or boolean array of ${input.variables} variables` },
    };
  }
  const unsatisfied = countUnsatisfied(input, assignment);
  return {
    name: 'unsatisfied-clauses',
    passed: unsatisfied === 0,
    score: 1 - unsatisfied / input.clauses.length,
    details: { unsatisfied, clauses: input.clauses.length },
  };
}
