import { resolve } from 'node:path';
import { UsageError } from '@ratchet/config';
import { type Command, Option } from 'commander';
import type { LoopMode, LoopSettings } from '../autoloop-types';

export const loopModes = ['single-run', 'continuous', 'scheduled'] as const satisfies readonly LoopMode[];

/** The flags as commander hands them over (strings until checked here). */
export interface AutoloopFlagValues {
  readonly target?: string;
  readonly stateRoot?: string;
  readonly maxIterations: string;
  readonly maxCost: string;
  readonly plateauWindow: string;
  readonly cooldownMinutes: string;
  readonly mode: string;
  readonly dryRun?: boolean;
  readonly maxConsecutiveErrors: string;
  readonly minImprovement: string;
  readonly store?: string;
}

/** What one autoloop invocation is: where, with which settings, on which corpus. */
export interface AutoloopInvocation {
  /** The target directory, absolute. */
  readonly target: string;
  /** The state root, absolute. */
  readonly stateRoot: string;
  readonly settings: LoopSettings;
  /** The corpus URL from --store, when given (else the target config's store, else the default). */
  readonly store: string | null;
}

/**
 * Adds the autoloop's flags to a command, so `ratchet-autoloop` and `ratchet autoloop` take the same
 * ones with the same defaults and help. `--store` is added unless the host command owns it.
 */
export function addAutoloopFlags(command: Command, options: { readonly store: boolean }): Command {
  command
    .option('--target <dir>', 'the directory holding what is improved: ratchet.config.json and its component files')
    .option('--state-root <dir>', "where the loop's state, log, handoffs and previous versions live")
    .option('--max-iterations <n>', 'stop after this many iterations (counted across re-invocations)', '5')
    .option('--max-cost <usd>', 'stop before dollars spent in all would cross this cap; 0 for no cap', '50')
    .option(
      '--plateau-window <n>',
      'stop when no kept candidate cleared --min-improvement in this many iterations',
      '3',
    )
    .option('--cooldown-minutes <m>', 'pause between iterations in continuous mode; next run in scheduled mode', '30')
    .addOption(
      new Option(
        '--mode <mode>',
        'single-run: until a stop rule; continuous: with cooldowns; scheduled: one iteration (cron)',
      )
        .choices(loopModes)
        .default('single-run'),
    )
    .option(
      '--dry-run',
      'run the loop logic against a simulated orchestrator: no cell runs, nothing is spent or written',
    )
    .option('--max-consecutive-errors <n>', 'stop after this many failed iterations in a row', '3')
    .option(
      '--min-improvement <lift>',
      "the gated lift's lower bound a kept candidate must exceed to count as progress",
      '0',
    );
  if (options.store) {
    command.addOption(
      new Option('--store <url>', "the corpus (default: the target config's store, else the default corpus)").env(
        'RATCHET_STORE',
      ),
    );
  }
  return command;
}

function integer(flag: string, value: string, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} must be a whole number ≥ ${min}, not "${value}"`);
  return n;
}

function number(flag: string, value: string, min: number): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min) {
    throw new UsageError(`${flag} must be a number ≥ ${min}, not "${value}"`);
  }
  return n;
}

/**
 * Checks the flags and makes the invocation: directories made absolute (the state records the target
 * as an absolute path, so a resume from another working directory finds the same loop).
 *
 * @throws {UsageError} naming the flag that is missing or out of range.
 */
export function autoloopInvocation(values: AutoloopFlagValues, cwd = process.cwd()): AutoloopInvocation {
  if (values.target === undefined) throw new UsageError('--target <dir> is required: the directory to improve');
  if (values.stateRoot === undefined) {
    throw new UsageError("--state-root <dir> is required: where the loop's state lives (e.g. --state-root .autoloop)");
  }
  if (!(loopModes as readonly string[]).includes(values.mode)) {
    throw new UsageError(`--mode must be one of ${loopModes.join(', ')}, not "${values.mode}"`);
  }
  const maxCost = number('--max-cost', values.maxCost, 0);
  return {
    target: resolve(cwd, values.target),
    stateRoot: resolve(cwd, values.stateRoot),
    store: values.store ?? null,
    settings: {
      maxIterations: integer('--max-iterations', values.maxIterations, 1),
      maxCostUsd: maxCost === 0 ? null : maxCost,
      plateauWindow: integer('--plateau-window', values.plateauWindow, 1),
      cooldownMinutes: number('--cooldown-minutes', values.cooldownMinutes, 0),
      mode: values.mode as LoopMode,
      dryRun: values.dryRun === true,
      maxConsecutiveErrors: integer('--max-consecutive-errors', values.maxConsecutiveErrors, 1),
      minImprovement: number('--min-improvement', values.minImprovement, -1),
    },
  };
}
