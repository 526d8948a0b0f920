import type { TaskView } from '@ratchet/runtime';
import { z } from 'zod';
import { type EventStreamParserFactory, providerFailureKinds } from './event-stream-parser';
import type { ArgsFunction } from './render-args';

const isFunction = (value: unknown) => typeof value === 'function';

/** The options of `commandWorker`, validated when the worker is made. */
export const commandWorkerOptionsSchema = z.strictObject({
  /** The worker's id in run records (default `command:<command's base name>`). */
  id: z.string().min(1).optional(),
  /** The model the agent uses, recorded with each attempt; not passed to the command. */
  model: z.string().min(1).optional(),
  /** The agent's version, recorded with each attempt. */
  version: z.string().min(1).optional(),
  /** The executable, found on PATH. No shell is involved. */
  command: z.string().min(1),
  /**
   * The arguments: a template whose `{prompt}`, `{steer}`, `{message}`, `{taskId}` and `{seed}` are
   * filled in per attempt, or a function of the attempt input and its prompt texts.
   */
  args: z
    .union([
      z.array(z.string()),
      z.custom<ArgsFunction>(isFunction, { message: 'expected an array of strings or a function' }),
    ])
    .default([]),
  /**
   * A template (the placeholders of `args`) written to the agent's stdin, which is then closed: for a
   * CLI that reads its prompt there. Without it stdin is closed at once.
   */
  stdin: z.string().optional(),
  /** Extra environment variables, on top of this process's environment. */
  env: z.record(z.string(), z.string()).optional(),
  /** The directory to run in when the environment handle has no `workDir`. */
  cwd: z.string().min(1).optional(),
  /** Wall-clock limit of one attempt; past it the whole process tree is killed (default 30 minutes). */
  timeoutMs: z.number().int().positive().default(1_800_000),
  /** Bytes of trace events kept per attempt; the rest are dropped and counted (default 10 MiB). */
  maxOutputBytes: z
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  /** Bytes kept from the end of stderr (default 64 KiB). */
  maxStderrBytes: z
    .number()
    .int()
    .positive()
    .default(64 * 1024),
  /** Time between SIGTERM and SIGKILL when the tree is killed (default 5 s). */
  killGraceMs: z.number().int().nonnegative().default(5000),
  /** Reads the agent's stdout; one parser is made per attempt (default: plain text). */
  parser: z.custom<EventStreamParserFactory>(isFunction, { message: 'expected a function' }).optional(),
  /**
   * What to tell the user to do about each kind of provider failure (`credentials`, `billing`, …),
   * e.g. `{ credentials: 'set MY_AGENT_KEY' }`; the presets give their CLI's keys and login commands.
   */
  failureHints: z.partialRecord(z.enum(providerFailureKinds), z.string().min(1)).optional(),
  /** Turns a task into the prompt text (default: a string input, its `prompt` field, or its JSON). */
  renderPrompt: z.custom<(task: TaskView) => string>(isFunction, { message: 'expected a function' }).optional(),
});

export type CommandWorkerOptions = z.input<typeof commandWorkerOptionsSchema>;
export type ParsedCommandWorkerOptions = z.output<typeof commandWorkerOptionsSchema>;
