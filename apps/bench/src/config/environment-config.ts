import { jsonlJudgeConfigSchema, testCommandSchema } from '@ratchet/environments';
import { z } from 'zod';

const seedSchema = z.union([z.number().int(), z.string().min(1)], {
  error: 'must be a whole number or a non-empty string',
});
const count = (what: string) =>
  z
    .number({ error: `must be a whole number of ${what}` })
    .int({ error: `must be a whole number of ${what}` })
    .min(1, { error: `must be at least 1 (${what})` })
    .max(100_000, { error: `must be at most 100000 (${what})` });

/** The built-in dsl family: list programs to synthesise. `count` tasks in all, split 3:1:1 train/val/holdout. */
export const dslEnvironmentConfigSchema = z.strictObject({
  kind: z.literal('dsl'),
  count: count('tasks over all splits').default(100),
  seed: seedSchema.default(0),
  /** Search steps per attempt of the built-in synthesizer. */
  budget: z.number().int().positive().optional(),
});

/** The built-in sat family: planted 3-SAT solved by WalkSAT. `count` tasks per split. */
export const satEnvironmentConfigSchema = z.strictObject({
  kind: z.literal('sat'),
  count: count('tasks per split').default(40),
  seed: seedSchema.default(0),
  /** Flips per attempt of the built-in WalkSAT. */
  flips: z.number().int().positive().optional(),
});

/** The calibration simulator (not a benchmark): planted effects per arm id. `count` tasks per split. */
export const simEnvironmentConfigSchema = z.strictObject({
  kind: z.literal('sim'),
  count: count('tasks per split').default(100),
  seed: seedSchema.default(0),
  effects: z.record(z.string(), z.number().min(-1).max(1)).default({}),
});

/** A directory of task folders (`task.md`, hidden `tests/`, optional `visible-tests/`, `solution/`). */
export const taskDirectoryEnvironmentConfigSchema = z.strictObject({
  kind: z.literal('task-directory'),
  /** The folder holding one sub-folder per task, relative to the config file. */
  path: z.string().min(1, { error: 'must name the folder of task folders' }),
  id: z.string().min(1).optional(),
  testCommand: testCommandSchema.optional(),
});

/** A JSON Lines dataset, one task per line; scored by the config's `judge`. */
export const jsonlEnvironmentConfigSchema = z.strictObject({
  kind: z.literal('jsonl'),
  /** The dataset file, relative to the config file. */
  path: z.string().min(1, { error: 'must name the .jsonl file' }),
  id: z.string().min(1).optional(),
});

export const environmentConfigSchema = z.discriminatedUnion(
  'kind',
  [
    dslEnvironmentConfigSchema,
    satEnvironmentConfigSchema,
    simEnvironmentConfigSchema,
    taskDirectoryEnvironmentConfigSchema,
    jsonlEnvironmentConfigSchema,
  ],
  { error: 'must be an object whose "kind" is one of: dsl, sat, sim, task-directory, jsonl' },
);
export type EnvironmentConfig = z.output<typeof environmentConfigSchema>;

/** Which judge scores a JSON Lines dataset: exact, regex, numeric or command (see the environments README). */
export const judgeConfigSchema = jsonlJudgeConfigSchema;

export const builtInFamilies = ['dsl', 'sat', 'sim'] as const;
export const isBuiltInFamily = (environment: EnvironmentConfig) =>
  (builtInFamilies as readonly string[]).includes(environment.kind);
