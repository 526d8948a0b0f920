import { UsageError } from '@ratchet/config';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { commandLineOf, positiveInteger } from '../cli-arguments';
import { cliInvocation } from '../cli-invocation';
import { idList, positiveNumber, runIdArgument } from './command-arguments';
import type { CommandContext } from './command-context';
import { queueUrlArgument } from './queue-url-argument';
import { type RunOverrides, runCommand } from './run';

/** Adds `ratchet run`: run a config's arms, record every attempt, and report. */
export function addRunCommand(program: Command, context: CommandContext): void {
  program
    .command('run')
    .description('run the arms of a config file, record every attempt, and report')
    .argument('[config]', 'ratchet.config.ts or .json (default: the one in this folder)')
    .option('--run-id <id>', 'the run id; an existing run resumes (default: derived from the config)', runIdArgument)
    .option('--concurrency <n>', 'cells at once', positiveInteger)
    .option('--replicates <n>', 'cells per (arm, task)', positiveInteger)
    .option('--max-cost <usd>', 'stop scheduling cells once this many dollars are spent', positiveNumber)
    .option('--seed <seed>', 'the run seed')
    .addOption(new Option('--split <split>', 'which tasks').choices(['train', 'val', 'holdout']))
    .option('--max-tasks <n>', 'only the first n tasks of the split', positiveInteger)
    .option('--tasks <ids>', 'only these task ids of the split, comma-separated (a run of its own)', idList)
    .option('--arms <ids>', 'only these arms, comma-separated; the primary contrast needs both its arms', idList)
    .option('--dry-run', 'print the plan (arms, tasks, cells, attempts, cost, primary contrast) and run nothing')
    .option('--html <file>', 'also write the self-contained HTML report')
    .option('--retry-infra', 'run again only the cells the harness failed on (status infra), as a new try of each')
    .option('--retry-failed', 'run again only the failed cells (judged, not resolved) into a NEW run; see below')
    .option('--probe', 'run the agent once on the first task before the run; stop if it fails (nothing recorded)')
    .addOption(
      // No environment variable: a `RATCHET_QUEUE` exported for workers must not turn every run into a queued one.
      new Option('--queue <url>', 'queue the cells on PostgreSQL for `ratchet worker` processes (see below)').argParser(
        queueUrlArgument,
      ),
    )
    .option(
      '--heartbeat <seconds>',
      'with --queue: seconds of silence before a worker counts as dead',
      heartbeatSeconds,
      30,
    )
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  ratchet run apps/bench/examples/dsl.config.json --dry-run',
        '  ratchet run my-agent.config.json --probe       check the agent command on one task first',
        '  ratchet run apps/bench/examples/sat.config.json --max-tasks 20 --concurrency 2',
        '  ratchet run ratchet.config.ts --run-id nightly-1 --max-cost 5',
        '  ratchet run ratchet.config.json --tasks t1,t7 --arms random@4,refine@4 --dry-run',
        '',
        'Re-running the same command resumes: finished cells are kept and none is repeated.',
        'A run filtered with --tasks or --arms has its own run id: it never resumes or mixes with the full run.',
        '',
        'Retries (add --dry-run to see what would be retried, count per arm):',
        '  --retry-infra   infra cells (the harness failed: no outcome) get a new try in the same run; the old',
        '                  try stays recorded and counts as spend. Honest: infra is not an outcome.',
        '  --retry-failed  cells that ran, were judged and were not resolved (infra and unjudged cells are not',
        '                  failed) go into a new run <run>.retry-failed-<hash>, linked to the original, which',
        '                  stays as it is. Its rates are conditional on failure: never an estimate of an arm,',
        '                  no contrast is measured on it, and `report --compare` refuses it.',
        '',
        'On many machines (--queue): one job per cell goes to the queue; `ratchet worker --queue <url>` processes',
        "take them and record each cell in the store (default: the queue's database), and this command follows",
        'the store and reports when every cell is recorded. A worker killed mid-cell loses nothing: its cell goes',
        'to another worker after --heartbeat seconds and is recorded once. Ctrl+C cancels the waiting cells.',
        '  ratchet run ratchet.config.json --queue postgres://ratchet@db.internal:5432/ratchet',
      ].join('\n'),
    )
    .action(
      async (
        config: string | undefined,
        options: RunOverrides & {
          dryRun?: boolean;
          html?: string;
          probe?: boolean;
          retryInfra?: boolean;
          retryFailed?: boolean;
          queue?: string;
          heartbeat: number;
        },
      ) => {
        const { dryRun, html, probe, retryInfra, retryFailed, queue, heartbeat, ...overrides } = options;
        if (retryInfra && retryFailed) throw new UsageError('--retry-infra and --retry-failed: choose one');
        const retry = retryInfra ? 'infra' : retryFailed ? 'failed' : undefined;
        context.print(
          await runCommand({
            config,
            store: { url: context.store(), explicit: context.storeExplicit() },
            overrides,
            dryRun: dryRun ?? false,
            probe: probe ?? false,
            html,
            ...(retry === undefined ? {} : { retry }),
            signal: context.signal,
            commandLine: commandLineOf(cliInvocation(), process.argv.slice(2)),
            ...(queue === undefined ? {} : { queue: { url: queue, heartbeatSeconds: heartbeat } }),
          }),
        );
      },
    );
}

/** `--heartbeat`: whole seconds, at least pg-boss's floor of 10. */
function heartbeatSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < 10) throw new InvalidArgumentError('expected whole seconds, at least 10');
  return seconds;
}
