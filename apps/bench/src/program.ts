import { defaultCorpusUrl, openCorpus } from '@ratchet/corpus';
import { Command, InvalidArgumentError } from 'commander';
import { corpusExport, corpusImport, corpusStats } from './commands/corpus-commands';
import { demo } from './commands/demo';
import { loadRun, writeHtmlReport } from './commands/load-run';
import { terminalReport } from './terminal-report';

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return parsed;
}

/** The `ratchet` command line (commander); actions print their result to stdout. */
export function buildProgram(signal: AbortSignal): Command {
  const program = new Command('ratchet')
    .description('Improve AI agents with evidence: run arms, record every attempt, decide with honest statistics.')
    .option('--store <url>', 'the corpus', process.env.RATCHET_STORE ?? defaultCorpusUrl)
    .exitOverride()
    .showHelpAfterError();
  const store = () => program.opts<{ store: string }>().store;
  const print = (text: string): void => {
    process.stdout.write(`${text}\n`);
  };

  program
    .command('demo')
    .description('run blind, random@4, refine@4 and continueBest@4 on the offline dsl family and report')
    .option('--tasks <n>', 'train tasks to run', positiveInteger, 40)
    .option('--seed <seed>', 'the run seed (same seed, same numbers)', '42')
    .option('--concurrency <n>', 'cells at once', positiveInteger, 4)
    .option('--html <file>', 'where to write the HTML report', 'ratchet-demo.html')
    .option('--no-html', 'do not write the HTML report')
    .addHelpText('after', '\nExamples:\n  ratchet demo\n  ratchet demo --tasks 10 --seed 7 --store sqlite:/tmp/demo.db')
    .action(async (options: { tasks: number; seed: string; concurrency: number; html: string | false }) => {
      print(await demo({ ...options, html: options.html === false ? null : options.html, store: store(), signal }));
    });

  program
    .command('report')
    .description('show a recorded run: arms, spend, contrasts')
    .argument('[run-id]', 'the run (default: the latest)')
    .option('--json', 'print the summary as JSON')
    .option('--html <file>', 'also write the self-contained HTML report')
    .addHelpText(
      'after',
      '\nExamples:\n  ratchet report\n  ratchet report demo-42 --json\n  ratchet report demo-42 --html report.html',
    )
    .action(async (runId: string | undefined, options: { json?: boolean; html?: string }) => {
      const corpus = await openCorpus(store());
      try {
        const { manifest, summary } = await loadRun(corpus, runId);
        print(options.json ? JSON.stringify({ manifest, summary }, null, 2) : terminalReport(manifest, summary));
        if (options.html)
          process.stderr.write(`${await writeHtmlReport(corpus, { manifest, summary }, options.html)}\n`);
      } finally {
        await corpus.close();
      }
    });

  const corpus = program.command('corpus').description('inspect, export and import the corpus');
  corpus
    .command('stats')
    .description('what the corpus holds')
    .action(async () => {
      print(await corpusStats(store()));
    });
  corpus
    .command('export')
    .description('write runs as JSON Lines (manifests, attempts, cells, blobs)')
    .argument('<file>', 'the JSONL file to write')
    .option('--run <run-id>', 'only this run')
    .addHelpText('after', '\nExample:\n  ratchet corpus export --run demo-42 demo.jsonl')
    .action(async (file: string, options: { run?: string }) => {
      print(await corpusExport(store(), file, options.run));
    });
  corpus
    .command('import')
    .description('read JSON Lines into the corpus (re-importing is a no-op)')
    .argument('<file>', 'the JSONL file to read')
    .action(async (file: string) => {
      print(await corpusImport(store(), file));
    });
  return program;
}
