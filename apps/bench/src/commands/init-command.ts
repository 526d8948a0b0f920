import type { Command } from 'commander';
import { initProject } from '../init/init-project';
import type { CommandContext } from './command-context';

/** Adds `ratchet init`: a starter config, dataset and stand-in agent, and what to edit next. */
export function addInitCommand(program: Command, context: Pick<CommandContext, 'print'>): void {
  program
    .command('init')
    .description('write a starter ratchet.config.json, a tiny JSONL dataset and a stand-in agent')
    .argument('[folder]', 'where to write them (created if missing)', '.')
    .option('--force', 'overwrite files that already exist')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  ratchet init                 in this folder',
        '  ratchet init my-eval         in ./my-eval; then: ratchet run my-eval/ratchet.config.json',
        '',
        'The starter runs offline: its stand-in agent is a Node script. Replace "worker" with your agent.',
      ].join('\n'),
    )
    .action(async (folder: string, options: { force?: boolean }) => {
      context.print(await initProject(folder, { force: options.force ?? false }));
    });
}
