import type { Command } from 'commander';
import { positiveInteger } from '../cli-arguments';
import { demo } from './demo';

export interface DemoCommandContext {
  /** The store from --store or $RATCHET_STORE (the demo never reads a config's). */
  store(): string;
  print(text: string): void;
  signal: AbortSignal;
}

/** Adds `ratchet demo`: the offline demo, then a short flywheel. */
export function addDemoCommand(program: Command, context: DemoCommandContext): void {
  const { store, print, signal } = context;
  program
    .command('demo')
    .description(
      'run blind, random@4, continue@4, refine@4 and continueBest@4 on the offline dsl family and report, then a short flywheel',
    )
    .option('--tasks <n>', 'train tasks to run', positiveInteger, 40)
    .option('--seed <seed>', 'the run seed (same seed, same numbers)', '42')
    .option('--concurrency <n>', 'cells at once', positiveInteger, 4)
    .option('--html <file>', 'where to write the HTML report', 'ratchet-demo.html')
    .option('--no-html', 'do not write the HTML report')
    .option(
      '--flywheel-generations <n>',
      'the short flywheel the demo ends with: its last generation',
      positiveInteger,
      3,
    )
    .option('--flywheel-tasks <n>', 'the short flywheel: evaluation tasks a generation', positiveInteger, 20)
    .option('--no-flywheel', 'end without the short flywheel')
    .option('--fresh', 'record a new run beside the recorded one, instead of showing the recorded one again')
    .addHelpText(
      'after',
      '\nExamples:\n  ratchet demo\n  ratchet demo --fresh                      run it again as a new run, beside the recorded one\n  ratchet demo --tasks 10 --seed 7 --store sqlite:/tmp/demo.db',
    )
    .action(
      async (options: {
        tasks: number;
        seed: string;
        concurrency: number;
        html: string | false;
        flywheel: boolean;
        flywheelGenerations: number;
        flywheelTasks: number;
        fresh?: boolean;
      }) => {
        const { flywheel, flywheelGenerations, flywheelTasks, ...rest } = options;
        print(
          await demo({
            ...rest,
            html: options.html === false ? null : options.html,
            flywheel: flywheel ? { generations: flywheelGenerations, tasks: flywheelTasks } : null,
            store: store(),
            signal,
          }),
        );
      },
    );
}
