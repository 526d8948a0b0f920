import { autoloopCommand } from '@ratchet/autoloop';
import { configuredStore, UsageError } from '@ratchet/config';
import { defaultCorpusUrl } from '@ratchet/corpus';
import { compareRuns } from '@ratchet/runtime';
import { Command, InvalidArgumentError, Option } from 'commander';
import { commandLineOf, positiveInteger } from './cli-arguments';
import { cliInvocation } from './cli-invocation';
import { CommandExitError } from './command-exit-error';
import { assertFolderExists } from './commands/assert-folder-exists';
import { corpusExport, corpusImport, corpusStats } from './commands/corpus-commands';
import { addDemoCommand } from './commands/demo-command';
import { loadRun, requireRun, writeHtmlReport } from './commands/load-run';
import { openExistingCorpus } from './commands/open-existing-corpus';
import { optimizationReportCommand } from './commands/optimization-report-command';
import { addOptimizerCommands } from './commands/optimizer-commands';
import { type RunOverrides, runCommand } from './commands/run';
import { addRunsCommand } from './commands/runs-command';
import { trainingExport } from './commands/training-export';
import { validateCommand } from './commands/validate';
import { comparisonReport } from './comparison-report';
import { terminalReport } from './terminal-report';

interface ArmPair {
  baseline: string;
  candidate: string;
}

function collectPairs(value: string, previous: ArmPair[] = []): ArmPair[] {
  const [baseline, candidate, ...rest] = value.split('=');
  if (!baseline || !candidate || rest.length > 0) throw new InvalidArgumentError('expected BASELINE_ARM=CANDIDATE_ARM');
  return [...previous, { baseline, candidate }];
}

function positiveNumber(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new InvalidArgumentError('expected a number > 0');
  return parsed;
}

function runIdArgument(value: string): string {
  if (!/^[\w.:@+-]+$/.test(value)) throw new InvalidArgumentError('use letters, digits and _ . : @ + - only');
  return value;
}

/** The `ratchet` command line (commander); actions print their result to stdout. */
export function buildProgram(signal: AbortSignal): Command {
  const program = new Command('ratchet')
    .description('Improve AI agents with evidence: run arms, record every attempt, decide with honest statistics.')
    .addOption(new Option('--store <url>', 'the corpus').env('RATCHET_STORE').default(defaultCorpusUrl))
    .exitOverride()
    .showHelpAfterError('(add --help for usage and examples)')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  ratchet demo                                     the offline demo (no model needed)',
        '  ratchet run ratchet.config.json --dry-run        the plan of a run, nothing recorded',
        '  ratchet run ratchet.config.json                  run it; the same command resumes',
        '  ratchet runs                                     the recorded runs, newest last',
        '  ratchet report --html report.html                the latest run, with charts',
        '  ratchet optimize apps/bench/examples/dsl.optimize.config.json',
        '                                                   search for a better controller on train and val',
        '  ratchet gate apps/bench/examples/dsl.optimize.config.json --candidate HASH',
        '                                                   decide once, on the holdout, whether it ships',
        '  ratchet report --optimization                    the latest optimization: lineage, val curve, gates',
        '  ratchet autoloop --target DIR --state-root DIR   improve a target unattended until a stop rule fires',
        '',
        'Exit codes: 0 success, 1 error, 2 bad usage or config, 130 interrupted.',
      ].join('\n'),
    );
  const store = () => program.opts<{ store: string }>().store;
  const storeExplicit = () => program.getOptionValueSource('store') !== 'default';
  // --store or $RATCHET_STORE, else the store of a ratchet config in this folder, else the default.
  const readStore = async () => (storeExplicit() ? store() : ((await configuredStore()) ?? store()));
  const print = (text: string): void => {
    process.stdout.write(`${text}\n`);
  };

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
    .option('--dry-run', 'print the plan (arms, tasks, cells, attempts, cost, primary contrast) and run nothing')
    .option('--html <file>', 'also write the self-contained HTML report')
    .option('--probe', 'run the agent once on the first task before the run; stop if it fails (nothing recorded)')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  ratchet run apps/bench/examples/dsl.config.json --dry-run',
        '  ratchet run my-agent.config.json --probe       check the agent command on one task first',
        '  ratchet run apps/bench/examples/sat.config.json --max-tasks 20 --concurrency 2',
        '  ratchet run ratchet.config.ts --run-id nightly-1 --max-cost 5',
        '',
        'Re-running the same command resumes: finished cells are kept and none is repeated.',
      ].join('\n'),
    )
    .action(
      async (
        config: string | undefined,
        options: RunOverrides & { dryRun?: boolean; html?: string; probe?: boolean },
      ) => {
        const { dryRun, html, probe, ...overrides } = options;
        print(
          await runCommand({
            config,
            store: { url: store(), explicit: storeExplicit() },
            overrides,
            dryRun: dryRun ?? false,
            probe: probe ?? false,
            html,
            signal,
            commandLine: commandLineOf(cliInvocation(), process.argv.slice(2)),
          }),
        );
      },
    );

  addOptimizerCommands(program, {
    store: () => ({ url: store(), explicit: storeExplicit() }),
    print,
    signal,
  });

  program
    .command('validate')
    .description("check that an environment's tasks can tell work from no work (reference passes, empty fails)")
    .argument('[config]', 'ratchet.config.ts or .json (default: the one in this folder)')
    .option('--json', 'print the validation report as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  ratchet validate apps/bench/examples/js-tasks.config.json\n  ratchet validate --json',
    )
    .action(async (config: string | undefined, options: { json?: boolean }) => {
      await validateCommand({ config, json: options.json ?? false, print });
    });

  addDemoCommand(program, { store, print, signal });

  autoloopCommand(program.command('autoloop'), {
    signal,
    invocation: `${cliInvocation()} autoloop`,
    commandLine: () => commandLineOf(cliInvocation(), process.argv.slice(2)),
    store: () => (storeExplicit() ? store() : null),
    done: (code) => {
      if (code !== 0) throw new CommandExitError(code);
    },
  });

  addRunsCommand(program, { readStore, print });

  program
    .command('report')
    .description('show a recorded run (arms, spend, contrasts) or optimization (lineage, val curve, front, gates)')
    .argument('[run-id]', 'the run, or an optimization (opt-…) (default: the latest run)')
    .option('--optimization', 'the latest optimization (or the one named) instead of a run')
    .option('--json', 'print the summary as JSON')
    .option('--html <file>', 'also write the self-contained HTML report')
    .option('--compare <runs...>', "pair two runs' arms on shared tasks: --compare BASELINE_RUN CANDIDATE_RUN")
    .option('--pair <arms>', 'with --compare: pair these arms (BASELINE_ARM=CANDIDATE_ARM; repeatable)', collectPairs)
    .addHelpText(
      'after',
      '\nExamples:\n  ratchet report\n  ratchet report dsl-c9ca3b708a --json\n  ratchet report dsl-c9ca3b708a --html report.html\n  ratchet report --compare dsl-c9ca3b708a dsl-5e0f21d4b7\n  ratchet report opt-4be1c0a6d2e9f371 --html optimization.html\n  ratchet report --optimization --json',
    )
    .action(
      async (
        runId: string | undefined,
        options: { optimization?: boolean; json?: boolean; html?: string; compare?: string[]; pair?: ArmPair[] },
      ) => {
        if (options.optimization || runId?.startsWith('opt-')) {
          if (options.compare) throw new UsageError('--compare pairs runs; it does not apply to an optimization');
          const { json, html } = options;
          print(
            await optimizationReportCommand({
              store: await readStore(),
              optimizationId: runId,
              json: json ?? false,
              html,
            }),
          );
          return;
        }
        if (options.html) await assertFolderExists(options.html, '--html');
        const corpus = await openExistingCorpus(await readStore());
        try {
          if (options.compare) {
            const [baseline, candidate, ...rest] = options.compare;
            if (baseline === undefined || candidate === undefined || rest.length > 0 || runId !== undefined) {
              throw new UsageError('--compare takes exactly two run ids: BASELINE_RUN CANDIDATE_RUN');
            }
            for (const id of [baseline, candidate]) await requireRun(corpus, id);
            const comparison = await compareRuns(
              corpus,
              baseline,
              candidate,
              options.pair ? { arms: options.pair } : {},
            );
            print(options.json ? JSON.stringify(comparison, null, 2) : comparisonReport(comparison));
            return;
          }
          const { manifest, summary } = await loadRun(corpus, runId);
          print(options.json ? JSON.stringify({ manifest, summary }, null, 2) : terminalReport(manifest, summary));
          if (options.html)
            process.stderr.write(`${await writeHtmlReport(corpus, { manifest, summary }, options.html)}\n`);
        } finally {
          await corpus.close();
        }
      },
    );

  const corpus = program.command('corpus').description('inspect, export and import the corpus');
  corpus
    .command('stats')
    .description('what the corpus holds')
    .addHelpText('after', '\nExamples:\n  ratchet corpus stats\n  ratchet --store sqlite:/data/team.db corpus stats')
    .action(async () => {
      print(await corpusStats(await readStore()));
    });
  corpus
    .command('export')
    .description('write runs as JSON Lines (manifests, attempts, cells, blobs), or as training data for the worker')
    .argument('<file>', 'the JSONL file to write')
    .option('--run <run-id>', 'only this run')
    .addOption(
      new Option(
        '--format <format>',
        'jsonl: the interchange format; sft or preference: training data with a datasheet',
      )
        .choices(['jsonl', 'sft', 'preference'])
        .default('jsonl'),
    )
    .option('--benchmark <name>', 'with sft or preference: only this benchmark')
    .option('--config <file>', "with sft or preference: a config whose environment gives the tasks' inputs")
    .option('--max-pairs <n>', 'with preference: pairs per task at most (default 4)', positiveInteger)
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  ratchet corpus export --run dsl-c9ca3b708a run.jsonl',
        '  ratchet corpus export --format sft --config apps/bench/examples/dsl.config.json sft.jsonl',
        '  ratchet corpus export --format preference --benchmark dsl --max-pairs 2 pairs.jsonl',
        '',
        'Training data holds train and val attempts only; a task on the holdout split in any run is left out.',
      ].join('\n'),
    )
    .action(
      async (
        file: string,
        options: {
          run?: string;
          format: 'jsonl' | 'sft' | 'preference';
          benchmark?: string;
          config?: string;
          maxPairs?: number;
        },
      ) => {
        if (options.format === 'jsonl') {
          for (const flag of ['benchmark', 'config', 'maxPairs'] as const) {
            if (options[flag] !== undefined)
              throw new UsageError(`--${flag === 'maxPairs' ? 'max-pairs' : flag} is for --format sft or preference`);
          }
          print(await corpusExport(await readStore(), file, options.run));
          return;
        }
        const { format, run, benchmark, config, maxPairs } = options;
        print(
          await trainingExport(await readStore(), file, {
            format,
            ...(run === undefined ? {} : { run }),
            ...(benchmark === undefined ? {} : { benchmark }),
            ...(config === undefined ? {} : { config }),
            ...(maxPairs === undefined ? {} : { maxPairs }),
          }),
        );
      },
    );
  corpus
    .command('import')
    .description('read JSON Lines into the corpus (re-importing is a no-op)')
    .argument('<file>', 'the JSONL file to read')
    .addHelpText('after', '\nExample:\n  ratchet --store sqlite:fresh.db corpus import run.jsonl')
    .action(async (file: string) => {
      print(await corpusImport(await readStore(), file));
    });
  return program;
}
