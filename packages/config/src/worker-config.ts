import { parseModelString } from '@ratchet/workers';
import { z } from 'zod';

export const presetNames = ['claude-code', 'codex', 'opencode', 'aider'] as const;

const modelStringSchema = z.string().superRefine((value, context) => {
  try {
    parseModelString(value);
  } catch (error) {
    context.addIssue({ code: 'custom', message: (error as Error).message });
  }
});

const processOptions = {
  /** Extra environment variables for the agent's process. */
  env: z.record(z.string(), z.string()).optional(),
  /** Wall-clock limit of one attempt, in ms (default 30 minutes). */
  timeoutMs: z.number().int().positive().optional(),
  /** Where the agent runs when the task has no work dir (a dataset), relative to the config; default a fresh temp dir. */
  cwd: z.string().min(1).optional(),
};

/** The environment's own solver (dsl, sat and sim only). */
export const builtInWorkerConfigSchema = z.strictObject({ kind: z.literal('builtin') });

/** A coding-agent CLI with a built-in preset, run headless through execa. */
export const presetWorkerConfigSchema = z.strictObject({
  kind: z.literal('preset'),
  preset: z.enum(presetNames, { error: `must be one of: ${presetNames.join(', ')}` }),
  /** Passed with the CLI's --model flag and recorded with each attempt. */
  model: z.string().min(1).optional(),
  /** The executable, when it is not the CLI's usual name on PATH. */
  command: z.string().min(1).optional(),
  prefixArgs: z.array(z.string()).optional(),
  /** Flags after the preset's own, e.g. permissions: ["--permission-mode", "acceptEdits"]. */
  extraArgs: z.array(z.string()).optional(),
  ...processOptions,
});

/** Any command; `{message}`, `{prompt}`, `{steer}`, `{taskId}` and `{seed}` in args are filled per attempt. */
export const commandWorkerConfigSchema = z.strictObject({
  kind: z.literal('command'),
  command: z.string().min(1),
  args: z.array(z.string()).default(['{message}']),
  id: z.string().min(1).optional(),
  ...processOptions,
});

/** A chat model in a tool loop (AI SDK): `openai:<model>`, `anthropic:<model>` or `compat:<base URL>#<model>`. */
export const modelWorkerConfigSchema = z.strictObject({
  kind: z.literal('model'),
  model: modelStringSchema,
  maxTurns: z.number().int().min(1).default(8),
  system: z.string().optional(),
  temperature: z.number().min(0).max(2).optional(),
  maxOutputTokens: z.number().int().positive().optional(),
  /** Keep model responses under .ratchet/cache so a re-run of the same draws costs nothing. */
  cache: z.boolean().default(false),
});

/** A worker as written: an object, or the shorthand "builtin", a preset name, or a model string. */
export const workerConfigSchema = z.preprocess(
  (value) => {
    if (typeof value !== 'string') return value;
    if (value === 'builtin') return { kind: 'builtin' };
    if ((presetNames as readonly string[]).includes(value)) return { kind: 'preset', preset: value };
    if (value.includes(':')) return { kind: 'model', model: value };
    return value;
  },
  z.discriminatedUnion(
    'kind',
    [builtInWorkerConfigSchema, presetWorkerConfigSchema, commandWorkerConfigSchema, modelWorkerConfigSchema],
    {
      error: `must be "builtin", a preset (${presetNames.join(', ')}), a model string (openai:gpt-4o-mini, compat:http://localhost:11434/v1#qwen3), or an object whose "kind" is builtin, preset, command or model`,
    },
  ),
);
export type WorkerConfig = z.output<typeof workerConfigSchema>;

/** Who reads traces into findings: the environment's rules (default), the generic rules, or a model. */
export const analystConfigSchema = z.preprocess(
  (value) => (typeof value === 'string' && value.includes(':') ? { kind: 'model', model: value } : value),
  z.union(
    [
      z.literal('environment'),
      z.literal('rules'),
      z.strictObject({
        kind: z.literal('model'),
        model: modelStringSchema,
        /** Tokens of trace shown to the analyst per attempt. */
        budgetTokens: z.number().int().positive().default(4000),
        maxFindings: z.number().int().positive().default(5),
      }),
    ],
    { error: 'must be "environment", "rules", a model string, or { kind: "model", model }' },
  ),
);
export type AnalystConfig = z.output<typeof analystConfigSchema>;
