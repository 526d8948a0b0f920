import type { Command } from 'commander';
import { type AutoloopFlagValues, addAutoloopFlags, autoloopInvocation } from './autoloop-flags';
import { loadConfiguredTarget } from './load-target';
import { runAutoloop } from './run-autoloop';

export interface AutoloopCommandContext {
  /** Aborted by Ctrl+C (SIGINT) or SIGTERM: the loop saves its state as `interrupted`. */
  readonly signal: AbortSignal;
  /** How the user calls it, for the help's examples: `ratchet-autoloop`, `ratchet autoloop`, `npm run autoloop --`. */
  readonly invocation: string;
  /** This command line as typed, quoted, for the resume hint (`commandLineOf`). */
  readonly commandLine: () => string;
  /** Receives the loop's exit code (0 stopped or done, 1 error, 130 interrupted). */
  done(code: number): void;
  /**
   * The corpus URL the host command was given (`ratchet --store …`), when it owns `--store`; absent, the
   * command takes `--store` itself (and `$RATCHET_STORE`).
   */
  readonly store?: () => string | null;
}

/**
 * Makes `command` the autoloop: its flags, help and action. `ratchet-autoloop` is a bare program made
 * with it, and `ratchet autoloop` a subcommand, so both take the same flags and behave the same.
 */
export function autoloopCommand(command: Command, context: AutoloopCommandContext): Command {
  return addAutoloopFlags(command, { store: context.store === undefined })
    .description(
      'improve a target folder unattended: search, gate, keep or reject, until a stop rule fires (resumable, within a cost cap)',
    )
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        `  ${context.invocation} --target my-agent --state-root .autoloop --max-iterations 10 --max-cost 20`,
        `  ${context.invocation} --target my-agent --state-root .autoloop --dry-run`,
        '  # cron, one iteration an hour:',
        `  0 * * * *  cd /srv/agent && ${context.invocation} --target my-agent --state-root .autoloop --mode scheduled --cooldown-minutes 60`,
        '',
        'Exit codes: 0 stopped by a rule or a scheduled run done; 1 error, or the loop stopped because',
        'iterations kept failing; 2 bad usage; 130 interrupted (run the same command to resume).',
      ].join('\n'),
    )
    .action(async (values: AutoloopFlagValues) => {
      const hostStore = context.store?.() ?? null;
      const invocation = autoloopInvocation(hostStore === null ? values : { ...values, store: hostStore });
      const code = await runAutoloop({
        invocation,
        signal: context.signal,
        loadTarget: (loaded) => loadConfiguredTarget(loaded, process.stderr),
        stderr: process.stderr,
        commandLine: context.commandLine(),
      });
      context.done(code);
    });
}
