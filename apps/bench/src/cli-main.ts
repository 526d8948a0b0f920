import { UsageError } from '@ratchet/config';
import { registerStore } from '@ratchet/corpus';
import { interruptOnProcessSignals } from '@ratchet/runtime';
import { CommanderError } from 'commander';
import { CommandExitError } from './command-exit-error';
import { buildProgram } from './program';
import { quietOnBrokenPipe } from './quiet-broken-pipe';
import { RunInterruptedError } from './run-interrupted-error';
import { RunPausedError } from './run-paused-error';

/** The one place that decides how each kind of error is shown and which exit code it gets. */
async function main(): Promise<number> {
  const signal = interruptOnProcessSignals();
  try {
    await buildProgram(signal).parseAsync(process.argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof CommandExitError) return error.code;
    if (error instanceof RunInterruptedError) {
      process.stdout.write(`${error.message}\n`);
      return 130;
    }
    if (error instanceof RunPausedError) {
      process.stdout.write(`${error.message}\n`);
      return 1;
    }
    if (signal.aborted) {
      process.stderr.write(
        '\nInterrupted. Everything finished so far is recorded; run the same command again to resume.\n',
      );
      return 130;
    }
    if (UsageError.isInstance(error)) {
      process.stderr.write(`ratchet: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`ratchet: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

// `--store postgres://…`: the PostgreSQL store, and its client, load only when such a URL is opened.
registerStore('postgres', async (location, options) =>
  (await import('@ratchet/corpus-postgres')).postgresStoreOpener(location, options),
);
quietOnBrokenPipe();
process.exitCode = await main();
