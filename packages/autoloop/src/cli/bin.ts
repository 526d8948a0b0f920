#!/usr/bin/env node
import { commandLineOf, UsageError } from '@ratchet/config';
import { interruptOnProcessSignals } from '@ratchet/runtime';
import { Command, CommanderError } from 'commander';
import { autoloopCommand } from './autoloop-command';

/** `ratchet-autoloop`: the autoloop's own bin; `ratchet autoloop` is the same command with the same flags. */
async function main(): Promise<number> {
  const signal = interruptOnProcessSignals();
  let exitCode = 0;
  const invocation = process.env.npm_lifecycle_event === 'autoloop' ? 'npm run autoloop --' : 'ratchet-autoloop';
  const program = autoloopCommand(new Command('ratchet-autoloop'), {
    signal,
    invocation,
    commandLine: () => commandLineOf(invocation, process.argv.slice(2)),
    done: (code) => {
      exitCode = code;
    },
  }).exitOverride();
  try {
    await program.parseAsync(process.argv);
    return exitCode;
  } catch (error) {
    // Errors the loop could not record in its state: bad usage (2), a locked or corrupt state, a target that does not load (1).
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`ratchet-autoloop: ${message}\n`);
    return UsageError.isInstance(error) ? 2 : 1;
  }
}

process.exitCode = await main();
