import { splitSchema } from '@ratchet/corpus';
import { familyIds, findFamily } from '@ratchet/environments';
import { findDefaultContrast } from '@ratchet/runtime';
import { z } from 'zod';
import { armConfigSchema, defaultArms, loadedStrategyKey } from './arm-config';
import { autoloopConfigSchema } from './autoloop-config';
import { environmentConfigSchema, isBuiltInFamily, judgeConfigSchema } from './environment-config';
import { flywheelConfigSchema } from './flywheel-config';
import { optimizeConfigIssues, optimizeConfigSchema } from './optimize-config';
import { analystConfigSchema, workerConfigSchema } from './worker-config';

/**
 * A `ratchet run` configuration: what to run (environment, worker, judge, arms) and how (split,
 * replicates, concurrency, caps, seed, store); with an `optimize` section, also what `ratchet optimize`
 * and `ratchet gate` do. Paths are relative to the config file.
 */
export const ratchetConfigSchema = z
  .strictObject({
    $schema: z.string().optional(),
    benchmark: z
      .string()
      .min(1)
      .optional()
      .describe("The benchmark name recorded in the run (default: the environment's id)."),
    environment: environmentConfigSchema.describe(
      'Where tasks come from: a built-in family (dsl, sat, sim) or an adapter (task-directory, jsonl).',
    ),
    worker: workerConfigSchema
      .optional()
      .describe(
        'Who attempts the tasks: "builtin" (dsl, sat, sim; the default there), a CLI preset, a command, or a model.',
      ),
    judge: judgeConfigSchema
      .optional()
      .describe(
        'JSONL datasets only (required there): exact, regex, numeric or command. Other environments judge themselves.',
      ),
    analyst: analystConfigSchema.default('environment').describe('Who reads traces into findings for steering.'),
    arms: z
      .array(armConfigSchema)
      .min(1, { error: 'must list at least one arm' })
      .prefault([...defaultArms])
      .describe('The arms compared at equal compute (default: random@4 and refine@4).'),
    primaryContrast: z
      .strictObject({ name: z.string().min(1), baseline: z.string().min(1), candidate: z.string().min(1) })
      .optional()
      .describe(
        'Pre-registered before any cell runs; default steering = refine − continue at the same k, else refine − random.',
      ),
    split: splitSchema.default('train').describe('Which tasks to run.'),
    tasks: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe(
        'Run only these task ids of the split (`--tasks`); part of the run id, so a filtered run is a run of its own.',
      ),
    maxTasks: z.number().int().min(1).optional().describe('Run only the first N tasks of the split.'),
    replicates: z
      .number()
      .int()
      .min(1)
      .max(100)
      .default(1)
      .describe('Cells per (arm, task); averaged per task before pairing.'),
    concurrency: z.number().int().min(1).max(256).default(4).describe('Cells at once.'),
    seed: z
      .union([z.number().int(), z.string().min(1)])
      .default(0)
      .describe('The run seed: same seed, same numbers.'),
    maxCost: z
      .number()
      .positive()
      .optional()
      .describe('Stop scheduling cells once this many measured dollars are spent.'),
    rateLimit: z
      .strictObject({ attempts: z.number().int().min(1), perSeconds: z.number().positive() })
      .optional()
      .describe("At most `attempts` attempt starts per `perSeconds` (a provider's rate limit)."),
    retries: z
      .number()
      .int()
      .min(0)
      .max(20)
      .default(3)
      .describe('Retries of a transient infra failure before a cell is marked infra.'),
    oracle: z
      .boolean()
      .default(true)
      .describe('Judge every attempt for the oracle upper bound (reported, never the result).'),
    store: z
      .string()
      .min(1)
      .optional()
      .describe('The corpus URL (default: --store, $RATCHET_STORE, or sqlite:.ratchet/corpus.db).'),
    runId: z
      .string()
      .regex(/^[\w.:@+-]+$/, { error: 'must be letters, digits and _ . : @ + - only' })
      .optional()
      .describe('A fixed run id; by default it is derived from the configuration, so re-running resumes.'),
    optimize: optimizeConfigSchema.optional(),
    flywheel: flywheelConfigSchema.optional(),
    autoloop: autoloopConfigSchema.optional(),
  })
  .superRefine(
    (config, context) => {
      const { environment, worker, judge } = config;
      const builtIn = isBuiltInFamily(environment);
      if (!builtIn && worker === undefined) {
        context.addIssue({
          code: 'custom',
          path: ['worker'],
          message: `a ${environment.kind} environment needs a worker: a preset ("claude-code"), a command ({ "kind": "command", "command": "my-agent" }) or a model ("openai:gpt-4o-mini")`,
        });
      }
      if (!builtIn && worker?.kind === 'builtin') {
        context.addIssue({
          code: 'custom',
          path: ['worker'],
          message: `"builtin" workers exist only for the built-in families (${familyIds().join(', ')}); a ${environment.kind} environment needs a preset, a command or a model`,
        });
      }
      // A cap on what the family's worker does not measure could never hold: refuse it before anything runs.
      if (builtIn && (worker === undefined || worker.kind === 'builtin')) {
        const meters = findFamily(environment.kind)?.meters;
        const refuse = (path: PropertyKey[], what: string) =>
          context.addIssue({
            code: 'custom',
            path,
            message: `cannot be enforced: the ${environment.kind} family's worker does not measure ${what}; remove it (caps on attempts are set by k)`,
          });
        if (meters && !meters.usd && config.maxCost !== undefined) refuse(['maxCost'], 'dollars');
        config.arms.forEach((arm, index) => {
          if (meters && !meters.usd && arm.limits?.usd !== undefined)
            refuse(['arms', index, 'limits', 'usd'], 'dollars');
          if (meters && !meters.tokens && arm.limits?.tokens !== undefined)
            refuse(['arms', index, 'limits', 'tokens'], 'tokens');
        });
      }
      if (config.optimize) {
        for (const issue of optimizeConfigIssues(config.optimize, environment, worker))
          context.addIssue({ code: 'custom', ...issue });
      }
      if (environment.kind === 'jsonl' && judge === undefined) {
        context.addIssue({
          code: 'custom',
          path: ['judge'],
          message:
            'a jsonl dataset needs a judge: { "kind": "exact" }, { "kind": "numeric" }, { "kind": "regex" } or { "kind": "command", "command": … }',
        });
      }
      if (environment.kind !== 'jsonl' && judge !== undefined) {
        context.addIssue({
          code: 'custom',
          path: ['judge'],
          message: `the ${environment.kind} environment has its own judge; remove "judge" (it is for jsonl datasets)`,
        });
      }
      const ids = new Map<string, number>();
      config.arms.forEach((arm, index) => {
        const first = ids.get(arm.id);
        if (first !== undefined) {
          context.addIssue({
            code: 'custom',
            path: ['arms', index, 'id'],
            message: `arm id "${arm.id}" is already used by arms[${first}]; give one of them an "id"`,
          });
        } else ids.set(arm.id, index);
      });
      if (config.primaryContrast) {
        for (const side of ['baseline', 'candidate'] as const) {
          const id = config.primaryContrast[side];
          if (!ids.has(id)) {
            context.addIssue({
              code: 'custom',
              path: ['primaryContrast', side],
              message: `no arm is named "${id}"; arms: ${[...ids.keys()].join(', ')}`,
            });
          }
        }
      } else if (
        findDefaultContrast(config.arms.map((arm) => ({ ...arm, strategy: loadedStrategyKey(arm) }))) === null
      ) {
        context.addIssue({
          code: 'custom',
          path: ['primaryContrast'],
          message:
            'there is no refine arm with a continue or random arm at the same k for the default contrast (steering = refine − continue, else refine − random); add them, or name the contrast: { "name", "baseline", "candidate" }',
        });
      }
    },
    { when: (payload) => payload.issues.length === 0 },
  ); // cross-field rules read valid fields only

/** A configuration as written (defaults not yet applied). */
export type RatchetConfigInput = z.input<typeof ratchetConfigSchema>;
/** A validated configuration, defaults applied. */
export type RatchetConfig = z.output<typeof ratchetConfigSchema>;

/**
 * Types a `ratchet.config.ts`: returns the configuration unchanged, so an editor checks and completes it.
 *
 * @example
 * export default defineConfig({ environment: { kind: 'dsl', count: 50 }, arms: [{ strategy: 'random', k: 4 }, { strategy: 'refine', k: 4 }] });
 */
export function defineConfig(config: RatchetConfigInput): RatchetConfigInput {
  return config;
}
