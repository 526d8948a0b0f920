import { UsageError } from '@ratchet/config';
import { compareRuns } from '@ratchet/runtime';
import type { Command } from 'commander';
import { comparisonReport } from '../comparison-report';
import { terminalReport } from '../terminal-report';
import { assertFolderExists } from './assert-folder-exists';
import { type ArmPair, collectPairs } from './command-arguments';
import type { CommandContext } from './command-context';
import { loadRun, requireRun, writeHtmlReport } from './load-run';
import { openExistingCorpus } from './open-existing-corpus';
import { optimizationReportCommand } from './optimization-report-command';

/** Adds `ratchet report`: a recorded run, a comparison of two, or an optimization. */
export function addReportCommand(program: Command, context: CommandContext): void {
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
          context.print(
            await optimizationReportCommand({
              store: await context.readStore(),
              optimizationId: runId,
              json: json ?? false,
              html,
            }),
          );
          return;
        }
        if (options.html) await assertFolderExists(options.html, '--html');
        const corpus = await openExistingCorpus(await context.readStore());
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
            context.print(options.json ? JSON.stringify(comparison, null, 2) : comparisonReport(comparison));
            return;
          }
          const { manifest, summary } = await loadRun(corpus, runId);
          context.print(
            options.json ? JSON.stringify({ manifest, summary }, null, 2) : terminalReport(manifest, summary),
          );
          if (options.html)
            process.stderr.write(`${await writeHtmlReport(corpus, { manifest, summary }, options.html)}\n`);
        } finally {
          await corpus.close();
        }
      },
    );
}
