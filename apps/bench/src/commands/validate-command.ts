import type { Command } from 'commander';
import type { CommandContext } from './command-context';
import { validateCommand } from './validate';

/** Adds `ratchet validate`: can the tasks tell work from no work. */
export function addValidateCommand(program: Command, context: CommandContext): void {
  program
    .command('validate')
    .description("check that an environment's tasks can tell work from no work (reference passes, empty fails)")
    .argument('[config]', 'ratchet.config.ts or .json (default: the one in this folder)')
    .option('--json', 'print the validation report as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  ratchet validate apps/bench/examples/js-tasks.claude-code.config.json\n  ratchet validate --json',
    )
    .action(async (config: string | undefined, options: { json?: boolean }) => {
      await validateCommand({ config, json: options.json ?? false, print: context.print });
    });
}
