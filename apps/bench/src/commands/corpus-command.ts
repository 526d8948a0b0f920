import { UsageError } from '@ratchet/config';
import { type Command, Option } from 'commander';
import { positiveInteger } from '../cli-arguments';
import type { CommandContext } from './command-context';
import { corpusExport, corpusImport, corpusStats } from './corpus-commands';
import { addCorpusCopyCommand } from './corpus-copy-command';
import { askYesNo, corpusPrune } from './corpus-prune';
import { trainingExport } from './training-export';

/** Adds `ratchet corpus`: stats, export (JSONL or training data), import, copy, and prune. */
export function addCorpusCommand(program: Command, context: CommandContext): void {
  const corpus = program.command('corpus').description('inspect, export and import the corpus');
  corpus
    .command('stats')
    .description('what the corpus holds')
    .addHelpText('after', '\nExamples:\n  ratchet corpus stats\n  ratchet --store sqlite:/data/team.db corpus stats')
    .action(async () => {
      context.print(await corpusStats(await context.readStore()));
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
          context.print(await corpusExport(await context.readStore(), file, options.run));
          return;
        }
        const { format, run, benchmark, config, maxPairs } = options;
        context.print(
          await trainingExport(await context.readStore(), file, {
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
    .command('prune')
    .description('delete one run (manifest, attempts, cells, blobs only it uses), after a JSONL backup')
    .requiredOption('--run <run-id>', 'the run to delete')
    .option('--no-backup', 'do not export the run as JSONL first')
    .option('--yes', 'do not ask (required when not on a terminal)')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  ratchet corpus prune --run dsl-c9ca3b708a           asks y/N, writes ratchet-backup-<run>-<time>.jsonl first',
        '  ratchet corpus prune --run dsl-c9ca3b708a --yes --no-backup',
        '',
        'The backup is a `corpus export --run` file: `ratchet corpus import FILE` puts the run back.',
        "Never touched: the holdout ledger (a spent holdout stays spent) and the optimizer's records. A run a",
        'gate decided on, or whose train/val tasks other runs hold out, is refused.',
      ].join('\n'),
    )
    .action(async (options: { run: string; backup: boolean; yes?: boolean }) => {
      context.print(
        await corpusPrune(await context.readStore(), {
          runId: options.run,
          backup: options.backup,
          yes: options.yes ?? false,
          ...(process.stdin.isTTY ? { confirm: askYesNo } : {}),
          print: context.print,
        }),
      );
    });
  corpus
    .command('import')
    .description('read JSON Lines into the corpus (re-importing is a no-op)')
    .argument('<file>', 'the JSONL file to read')
    .addHelpText('after', '\nExample:\n  ratchet --store sqlite:fresh.db corpus import run.jsonl')
    .action(async (file: string) => {
      context.print(await corpusImport(await context.readStore(), file));
    });
  addCorpusCopyCommand(corpus, context);
}
