import { type Command, Option } from 'commander';
import { positiveInteger } from '../cli-arguments';
import type { CommandContext } from './command-context';
import { queueUrlArgument } from './queue-url-argument';

/** Adds `ratchet worker`: take cells of queued runs and run them, on this machine. */
export function addWorkerCommand(program: Command, context: CommandContext): void {
  program
    .command('worker')
    .description('take cells of runs queued with `ratchet run --queue` and run them on this machine, until Ctrl+C')
    .addOption(
      new Option('--queue <url>', 'the queue: the postgres:// URL the run was queued on')
        .env('RATCHET_QUEUE')
        .argParser(queueUrlArgument)
        .makeOptionMandatory(),
    )
    .option('--concurrency <n>', 'cells at once', positiveInteger, 1)
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  ratchet worker --queue postgres://ratchet@db.internal:5432/ratchet',
        '  ratchet worker --queue "$RATCHET_QUEUE" --concurrency 4',
        '',
        'Start workers from a checkout of the same project at the same path as where the run was queued: a',
        'worker builds each run from its config and refuses (exit 2) when its files build another run. Each',
        'cell is recorded into the store the run names; a cell this worker is running when it is killed is',
        'given to another worker once its heartbeat lapses, and recorded once.',
      ].join('\n'),
    )
    .action(async (options: { queue: string; concurrency: number }) => {
      // pg-boss and the PostgreSQL client load only when a worker starts.
      const { runWorker } = await import('../queue/run-worker');
      context.print(
        await runWorker({ queueUrl: options.queue, concurrency: options.concurrency, signal: context.signal }),
      );
    });
}
