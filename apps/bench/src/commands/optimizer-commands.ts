import type { Command } from 'commander';
import { commandLineOf, positiveInteger } from '../cli-arguments';
import { cliInvocation } from '../cli-invocation';
import { flywheelCommand } from './flywheel';
import { gateCommand } from './gate';
import { learnCommand } from './learn';
import { type OptimizeOverrides, optimizeCommand } from './optimize';

export interface OptimizerCommandContext {
  /** The store from --store or $RATCHET_STORE, and whether it was given (it then wins over the config's). */
  store(): { url: string; explicit: boolean };
  print(text: string): void;
  signal: AbortSignal;
}

/** Adds `ratchet optimize`, `ratchet gate`, `ratchet learn` and `ratchet flywheel` to the program. */
export function addOptimizerCommands(program: Command, context: OptimizerCommandContext): void {
  const commandLine = () => commandLineOf(cliInvocation(), process.argv.slice(2));

  program
    .command('optimize')
    .description("search for a better controller on train and val (GEPA), within the config's optimize budget")
    .argument('[config]', 'a ratchet config with an "optimize" section (default: the one in this folder)')
    .option('--iterations <n>', 'cap the search at n iterations (replaces budget.iterations)', positiveInteger)
    .option('--budget-cells <n>', 'cap the search at n new cells (replaces budget.cells)', positiveInteger)
    .option('--seed <seed>', 'the search seed (replaces optimize.seed)')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  ratchet optimize apps/bench/examples/dsl.optimize.config.json',
        '  ratchet optimize my.config.json --budget-cells 400 --json',
        '',
        'Re-running the same command resumes the same search: no cell is run twice.',
        'It ends with the `ratchet gate … --candidate HASH` command that decides on the holdout.',
      ].join('\n'),
    )
    .action(async (config: string | undefined, options: OptimizeOverrides & { json?: boolean }) => {
      const { json, ...overrides } = options;
      context.print(
        await optimizeCommand({
          config,
          store: context.store(),
          overrides,
          json: json ?? false,
          signal: context.signal,
          commandLine: commandLine(),
          invocation: cliInvocation(),
        }),
      );
    });

  program
    .command('gate')
    .description("decide once, on the holdout, whether a candidate replaces the config's baseline; writes the ledger")
    .argument('[config]', 'the config the candidate was optimized with (default: the one in this folder)')
    .requiredOption('--candidate <hash>', 'the candidate (its hash, or a unique prefix of 6+ characters)')
    .option('--rotate', 'the holdout is spent for this baseline: draw the next unspent one (generated families)')
    .option('--json', 'print the decision as JSON')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  ratchet gate apps/bench/examples/dsl.optimize.config.json --candidate 3f2a91c0d4e5b6a7',
        '  ratchet gate apps/bench/examples/dsl.optimize.config.json --candidate 3f2a91c0d4e5b6a7 --rotate',
        '',
        'A holdout decides once per baseline: a second gate on it is refused, naming the first decision.',
      ].join('\n'),
    )
    .action(async (config: string | undefined, options: { candidate: string; rotate?: boolean; json?: boolean }) => {
      context.print(
        await gateCommand({
          config,
          store: context.store(),
          candidate: options.candidate,
          rotate: options.rotate ?? false,
          json: options.json ?? false,
          signal: context.signal,
          commandLine: commandLine(),
        }),
      );
    });

  program
    .command('learn')
    .description('learn a library (controller parameters) from the certified train and val attempts in the corpus')
    .argument(
      '[config]',
      'the config whose family learns and whose tasks give the inputs (default: the one in this folder)',
    )
    .option('--run <run-id>', 'learn from this run only (repeatable; default: every run of the benchmark)', collect, [])
    .option('--until <date>', 'only attempts recorded at or before this ISO date (a generation’s start)')
    .option('--settings <json>', "the miner's settings, e.g. '{\"minSupport\": 2}'")
    .option('--out <file>', 'where to write the library', 'library.json')
    .option('--json', 'print the library as JSON')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  ratchet learn apps/bench/examples/dsl-domain.config.json --out library.json',
        '  ratchet learn my.config.json --run dsl-c9ca3b708a --settings \'{"maxFragments": 5}\'',
        '',
        'Load it in an arm with "parameters": "library.json"; it changes the controller hash.',
      ].join('\n'),
    )
    .action(
      async (
        config: string | undefined,
        options: { run: string[]; until?: string; settings?: string; out: string; json?: boolean },
      ) => {
        context.print(
          await learnCommand({
            config,
            store: context.store(),
            runs: options.run,
            out: options.out,
            json: options.json ?? false,
            ...(options.until === undefined ? {} : { until: options.until }),
            ...(options.settings === undefined ? {} : { settings: options.settings }),
          }),
        );
      },
    );

  program
    .command('flywheel')
    .description('the flywheel test: a controller learned from earlier generations against the frozen first one')
    .argument(
      '[config]',
      'a config whose family has a miner, optionally with a "flywheel" section (default: the one in this folder)',
    )
    .option(
      '--generations <n>',
      'the last generation G: generations 0..G run (replaces flywheel.generations)',
      positiveInteger,
    )
    .option('--tasks <n>', 'evaluation tasks a generation (replaces flywheel.evaluationTasks)', positiveInteger)
    .option('--seed <seed>', 'the flywheel seed (replaces flywheel.seed)')
    .option('--html <file>', 'write both curves, the table and the verdict as one HTML page')
    .option(
      '--ablation',
      'then the level ablation grid on the last generation: refine × learned × meta (needs ≥ 2 generations)',
    )
    .option('--json', 'print per generation and arm the success with its CI, the slopes and the verdict as JSON')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  ratchet flywheel apps/bench/examples/dsl-domain.config.json --generations 3 --tasks 40',
        '  ratchet flywheel apps/bench/examples/dsl-domain.config.json --json --html flywheel.html',
        '',
        'The same command resumes: every generation is a run in the corpus, and its library is a record there.',
      ].join('\n'),
    )
    .action(
      async (
        config: string | undefined,
        options: {
          generations?: number;
          tasks?: number;
          seed?: string;
          html?: string;
          json?: boolean;
          ablation?: boolean;
        },
      ) => {
        context.print(
          await flywheelCommand({
            config,
            store: context.store(),
            json: options.json ?? false,
            ablation: options.ablation ?? false,
            signal: context.signal,
            commandLine: commandLine(),
            ...(options.generations === undefined ? {} : { generations: options.generations }),
            ...(options.tasks === undefined ? {} : { tasks: options.tasks }),
            ...(options.seed === undefined ? {} : { seed: options.seed }),
            ...(options.html === undefined ? {} : { html: options.html }),
          }),
        );
      },
    );
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
