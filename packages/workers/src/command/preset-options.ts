import { z } from 'zod';
import { type CommandWorkerOptions, commandWorkerOptionsSchema } from './command-worker-options';
import type { EventStreamParserFactory } from './event-stream-parser';
import { parseWorkerOptions } from './parse-worker-options';
import type { FailureHints } from './provider-failure-error';

/** What a user may set on a preset; everything else is the preset's. */
export const presetOptionsSchema = commandWorkerOptionsSchema
  .pick({
    id: true,
    version: true,
    env: true,
    cwd: true,
    timeoutMs: true,
    maxOutputBytes: true,
    maxStderrBytes: true,
    killGraceMs: true,
    renderPrompt: true,
  })
  .extend({
    /** The executable, when it is not the CLI's usual name on PATH (a full path, `node`, `npx`). */
    command: z.string().min(1).optional(),
    /** Arguments before the preset's own: a script path when `command` is `node`, a package for `npx`. */
    prefixArgs: z.array(z.string()).default([]),
    /** Arguments after the preset's flags and before the prompt where the CLI takes it last. */
    extraArgs: z.array(z.string()).default([]),
    /** The model, passed with the CLI's `--model` flag and recorded with each attempt. */
    model: z.string().min(1).optional(),
  });

export type PresetOptions = z.input<typeof presetOptionsSchema>;

/**
 * What a preset fixes: its id, the CLI's name, its arguments around the user's, its parser, what to
 * tell the user about each kind of provider failure (the CLI's keys and login commands), and the CLI
 * versions its parser was checked against.
 */
export interface PresetDefinition {
  readonly id: string;
  readonly command: string;
  /** The CLI versions the parser reads correctly, as a semver range; preflight refuses others. */
  readonly supportedVersions: string;
  /** The command that installs a supported version. */
  readonly install: string;
  readonly args: (options: { model: string | undefined; extraArgs: readonly string[] }) => string[];
  /** What the CLI reads on stdin (a template, like `args`), for a CLI that takes its message there. */
  readonly stdin?: string;
  readonly parser: EventStreamParserFactory;
  readonly failureHints: FailureHints;
}

/** Validates a preset's options (naming the preset in errors) and builds `commandWorker` options. */
export function presetWorkerOptions(
  functionName: string,
  preset: PresetDefinition,
  options: PresetOptions,
): CommandWorkerOptions {
  const { command, prefixArgs, extraArgs, model, id, ...rest } = parseWorkerOptions(
    functionName,
    presetOptionsSchema,
    options,
  );
  return {
    ...withoutUndefined(rest),
    id: id ?? preset.id,
    ...(model === undefined ? {} : { model }),
    command: command ?? preset.command,
    args: [...prefixArgs, ...preset.args({ model, extraArgs })],
    ...(preset.stdin === undefined ? {} : { stdin: preset.stdin }),
    parser: preset.parser,
    failureHints: preset.failureHints,
  };
}

function withoutUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}
