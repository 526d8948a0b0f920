import {
  type FamilyOptionsByKind,
  familyIds,
  findFamily,
  jsonlJudgeConfigSchema,
  testCommandSchema,
} from '@ratchet/environments';
import { z } from 'zod';

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

/** An adapter over your own tasks. */
export type AdapterEnvironmentConfig =
  | z.output<typeof taskDirectoryEnvironmentConfigSchema>
  | z.output<typeof jsonlEnvironmentConfigSchema>;

/** A built-in family as a config names it: `kind` is its registered id, the rest its own options. */
export type FamilyEnvironmentInput = {
  [Kind in keyof FamilyOptionsByKind]: { kind: Kind } & FamilyOptionsByKind[Kind];
}[keyof FamilyOptionsByKind];
/** A family's options after validation (defaults filled in by the family's schema). */
export type FamilyEnvironmentConfig = { kind: keyof FamilyOptionsByKind } & Record<string, unknown>;

/**
 * One union member per registered family, read from the registry (the family's own options schema
 * with `kind` added), so a new family needs no edit here.
 */
function familyEnvironmentSchemas() {
  return familyIds().map((id) => {
    const options = findFamily(id)?.options;
    if (!(options instanceof z.ZodObject)) {
      throw new Error(`family "${id}" must describe its options with a zod object schema`);
    }
    return options.extend({ kind: z.literal(id) });
  });
}

const families = familyIds();

export const environmentConfigSchema = z.discriminatedUnion(
  'kind',
  [...familyEnvironmentSchemas(), taskDirectoryEnvironmentConfigSchema, jsonlEnvironmentConfigSchema] as unknown as [
    typeof taskDirectoryEnvironmentConfigSchema,
    typeof jsonlEnvironmentConfigSchema,
  ],
  { error: `must be an object whose "kind" is one of: ${[...families, 'task-directory', 'jsonl'].join(', ')}` },
) as unknown as z.ZodType<
  FamilyEnvironmentConfig | AdapterEnvironmentConfig,
  | FamilyEnvironmentInput
  | z.input<typeof taskDirectoryEnvironmentConfigSchema>
  | z.input<typeof jsonlEnvironmentConfigSchema>
>;
export type EnvironmentConfig = FamilyEnvironmentConfig | AdapterEnvironmentConfig;

/** Which judge scores a JSON Lines dataset: exact, regex, numeric or command (see the environments README). */
export const judgeConfigSchema = jsonlJudgeConfigSchema;

/** Whether the environment is a registered family (its own worker, judge and analyst) rather than an adapter. */
export function isBuiltInFamily(environment: EnvironmentConfig): environment is FamilyEnvironmentConfig {
  return familyIds().includes(environment.kind);
}
