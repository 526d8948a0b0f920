import type { Split } from '@ratchet/corpus';
import type { Family, FamilyInstance } from '@ratchet/runtime';
import { z } from 'zod';
import { familyController } from '../family-controller';
import { countOptionSchema, seedOptionSchema } from '../family-options';
import { familyRunner } from '../family-runner';
import { parseOptions } from '../option-issues';
import { dslAnalyst } from './dsl-analyst';
import { dslController, dslControllerParameters, dslControllerSchema } from './dsl-controller';
import { type DslHandle, dslEnvironment } from './dsl-environment';
import { dslJudge } from './dsl-judge';
import { dslMiner } from './dsl-miner';
import { DslOptionsError } from './dsl-options-error';
import type { DslTaskInput } from './dsl-task-input';
import { dslTasks } from './dsl-tasks';
import { dslWorker } from './dsl-worker';

/** The dsl family's options as a config writes them. */
export const dslOptionsSchema = z
  .strictObject({
    count: countOptionSchema('tasks over all splits', 100),
    seed: seedOptionSchema,
    budget: z
      .number({ error: 'must be a whole number of search steps' })
      .int({ error: 'must be a whole number of search steps' })
      .min(1, { error: 'must be at least 1 search step' })
      .max(10_000_000, { error: 'must be at most 10000000 search steps' })
      .optional()
      .describe('Search steps per attempt of the built-in synthesizer (default 20000).'),
    domain: z
      .union([z.number().int(), z.string().min(1)], { error: 'must be a whole number or a non-empty string' })
      .optional()
      .describe(
        'Draw targets from the hidden idioms of this domain seed (8 two-operator idioms; easy tasks chain 1, hard ones 3), so tasks share structure a learner can find. Omitted: targets drawn uniformly.',
      ),
  })
  .describe(
    'The built-in dsl family: list programs to synthesise. `count` tasks in all, split 3:1:1 train/val/holdout.',
  );
export type DslFamilyOptions = z.output<typeof dslOptionsSchema>;
export type DslFamilyOptionsInput = z.input<typeof dslOptionsSchema>;

const parse = (options: unknown) =>
  parseOptions(dslOptionsSchema, options, (_issues, cause) => new DslOptionsError('dslFamily', cause));

/**
 * The dsl family: program synthesis over a small list language. Tasks by seed (count over all
 * splits); the stochastic enumerative worker, whose work unit is the search step; the hidden-examples
 * judge; the rule analyst; and the controller space the optimizer searches (`dslControllerSchema`).
 *
 * @throws {DslOptionsError} from `draw` and `create` when the options are invalid.
 * @example
 * const dsl = dslFamily.create({ count: 40, seed: 1 }, { threads: 4 });
 * await runBenchmark({ ...dsl, corpus, arms: [{ id: 'refine', ...refine(2, { controller: dsl.controller('refine') }) }, …] });
 * await dsl.close();
 */
export const dslFamily = {
  id: 'dsl',
  description:
    'Program synthesis over a small list language: a stochastic enumerative synthesizer with a step budget; visible examples for checks, hidden ones for the judge.',
  options: dslOptionsSchema,
  meters: { usd: false, tokens: false, workUnit: 'search steps' },
  controllerSpace: { schema: dslControllerSchema, defaults: dslControllerParameters },
  miner: dslMiner,
  async draw(options: DslFamilyOptionsInput, split?: Split) {
    const { count, seed, domain } = parse(options);
    return dslTasks({
      count,
      seed,
      ...(domain === undefined ? {} : { domain }),
      ...(split === undefined ? {} : { split }),
    });
  },
  create(options: DslFamilyOptionsInput, context: { readonly threads?: number } = {}) {
    const { count, seed, budget, domain } = parse(options);
    const runner = familyRunner('dsl', context.threads);
    const instance: FamilyInstance<DslTaskInput, DslHandle> = {
      environment: dslEnvironment({ count, seed, ...(domain === undefined ? {} : { domain }) }),
      worker: dslWorker({ runner, ...(budget === undefined ? {} : { budget }) }),
      judge: dslJudge(),
      analyst: dslAnalyst(),
      // The arm does not change the dsl policy.
      controller: (_armId, parameters) => familyController(dslController, parameters),
      close: () => runner.close(),
    };
    return instance;
  },
} satisfies Family<DslFamilyOptions>;
