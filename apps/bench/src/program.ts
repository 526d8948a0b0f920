import { autoloopCommand } from '@ratchet/autoloop';
import { configuredStore } from '@ratchet/config';
import { defaultCorpusUrl } from '@ratchet/corpus';
import { Command, Option } from 'commander';
import { commandLineOf } from './cli-arguments';
import { cliInvocation } from './cli-invocation';
import { CommandExitError } from './command-exit-error';
import type { CommandContext } from './commands/command-context';
import { addCorpusCommand } from './commands/corpus-command';
import { addDemoCommand } from './commands/demo-command';
import { addInitCommand } from './commands/init-command';
import { addOptimizerCommands } from './commands/optimizer-commands';
import { addReportCommand } from './commands/report-command';
import { addRunCommand } from './commands/run-command';
import { addRunsCommand } from './commands/runs-command';
import { addValidateCommand } from './commands/validate-command';
import { addViewCommand } from './commands/view-command';
import { addWorkerCommand } from './commands/worker-command';

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
        '  ratchet init my-eval                             a starter config, dataset and stand-in agent',
        '  ratchet run ratchet.config.json --dry-run        the plan of a run, nothing recorded',
        '  ratchet run ratchet.config.json                  run it; the same command resumes',
        '  ratchet runs                                     the recorded runs, newest last',
        '  ratchet report --html report.html                the latest run, with charts',
        '  ratchet view                                     browse runs, cells and every attempt in a web viewer',
        '  ratchet run ratchet.config.json --retry-infra    run again the cells the harness failed on',
        '  ratchet corpus prune --run RUN                   delete one run, after a JSONL backup',
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
  const context: CommandContext = { store, storeExplicit, readStore, print, signal };

  addInitCommand(program, context);
  addRunCommand(program, context);
  addOptimizerCommands(program, {
    store: () => ({ url: store(), explicit: storeExplicit() }),
    print,
    signal,
  });
  addValidateCommand(program, context);
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
  addReportCommand(program, context);
  addCorpusCommand(program, context);
  addViewCommand(program, context);
  addWorkerCommand(program, context);
  return program;
}
