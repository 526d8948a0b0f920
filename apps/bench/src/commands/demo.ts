import { openCorpus } from '@ratchet/corpus';
import { dslBenchmark, solverPool } from '@ratchet/environments';
import { blind, continueBest, random, refine, runBenchmark } from '@ratchet/runtime';
import pc from 'picocolors';
import { progressPrinter } from '../progress-printer';
import { RunInterruptedError } from '../run-interrupted-error';
import { terminalReport } from '../terminal-report';
import { loadRun, writeHtmlReport } from './load-run';

export interface DemoOptions {
  store: string;
  tasks: number;
  seed: string;
  concurrency: number;
  /** Where to write the HTML report; null for none. */
  html: string | null;
  signal: AbortSignal;
}

/**
 * The offline demo: blind, random@4, refine@4 and continueBest@4 on the dsl family's train tasks,
 * recorded in the store, then the report with the pre-registered primary contrast. No model needed.
 */
export async function demo(options: DemoOptions): Promise<string> {
  const runner = solverPool();
  const corpus = await openCorpus(options.store);
  try {
    // Train tasks are 3 in every 5 of the family: generate enough to have `tasks` of them.
    const family = dslBenchmark({ count: Math.ceil((options.tasks * 5) / 3), seed: 0, runner });
    const tasks = (await family.environment.tasks('train')).slice(0, options.tasks);
    const { controller } = family;
    process.stderr.write(`Running 4 arms on ${tasks.length} dsl tasks (program synthesis, no model needed)…\n`);
    const summary = await runBenchmark({
      ...family,
      corpus,
      tasks,
      seed: options.seed,
      runId: `demo-${options.seed}`,
      concurrency: options.concurrency,
      arms: [
        { id: 'blind', ...blind({ controller }) },
        { id: 'random@4', ...random(4, { controller }) },
        { id: 'refine@4', ...refine(4, { controller }) },
        { id: 'continueBest@4', ...continueBest(4, { controller }) },
      ],
      signal: options.signal,
      onProgress: progressPrinter(),
    });
    const { manifest } = await loadRun(corpus, summary.runId);
    if (summary.stopReason === 'signal') {
      throw new RunInterruptedError(
        `${terminalReport(manifest, summary)}\n\nInterrupted: every finished cell is recorded. Run the same command again to resume.`,
      );
    }
    const written = options.html === null ? [] : [await writeHtmlReport(corpus, { manifest, summary }, options.html)];
    // From a clone (`npm run demo`) the command is `npm run ratchet --`; installed, it is `ratchet`.
    const ratchet = process.env.npm_lifecycle_event ? 'npm run ratchet --' : 'ratchet';
    const hint = (command: string, what: string) =>
      `  ${command.replace(/^ratchet\b/, ratchet).padEnd(ratchet.length + 50)} ${what}`;
    const next = [
      pc.bold('What to try next:'),
      hint(`ratchet report ${summary.runId}`, 'the same report again (add --json for machines)'),
      ...(options.html === null ? [] : [hint(`open ${options.html}`, 'the report with charts (works offline)')]),
      hint(
        'ratchet run apps/bench/examples/sat.config.json',
        'another family, from a config file (--dry-run: the plan)',
      ),
      hint('ratchet run your.config.json', 'your tasks and your agent (see apps/bench/README.md)'),
      hint('ratchet corpus stats', 'what the corpus holds'),
      hint(`ratchet corpus export --run ${summary.runId} run.jsonl`, 'share the run as JSON Lines'),
    ];
    return [terminalReport(manifest, summary), ...written, '', ...next].join('\n');
  } finally {
    await corpus.close();
    await runner.close();
  }
}
