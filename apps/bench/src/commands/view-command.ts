import { UsageError } from '@ratchet/config';
import { serveViewer } from '@ratchet/viewer';
import { type Command, InvalidArgumentError } from 'commander';
import type { CommandContext } from './command-context';
import { requireRun } from './load-run';
import { openExistingCorpus } from './open-existing-corpus';

/** The port `ratchet view` serves on unless told otherwise: fixed, so a bookmarked deep link keeps working. */
export const defaultViewPort = 4400;

/** The viewer's page of a run, as `ratchet view` serves it by default: a link a report or hint can print. */
export function runPageUrl(runId: string, base = `http://127.0.0.1:${defaultViewPort}/`): string {
  return `${base}runs/${encodeURIComponent(runId)}`;
}

export interface ViewCommandOptions {
  readonly store: string;
  /** A run to link to: its page's address is printed with the viewer's. */
  readonly runId?: string;
  readonly port: number;
  readonly host: string;
  readonly print: (text: string) => void;
  /** Aborting it (Ctrl+C) stops the server; the command then returns. */
  readonly signal: AbortSignal;
}

function portNumber(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65_535) {
    throw new InvalidArgumentError('expected a port number from 0 to 65535 (0: any free port)');
  }
  return parsed;
}

/** Adds `ratchet view` to the program. */
export function addViewCommand(program: Command, context: CommandContext): void {
  program
    .command('view')
    .description(
      'serve a read-only web viewer over the corpus: runs, cells and their attempts, comparisons, optimizations',
    )
    .argument('[run-id]', "also print the address of this run's page")
    .option('--port <n>', `the port to serve on (0: any free port)`, portNumber, defaultViewPort)
    .option(
      '--host <address>',
      'the address to bind; anything but 127.0.0.1 shows the corpus to the network',
      '127.0.0.1',
    )
    .addHelpText(
      'after',
      "\nExamples:\n  ratchet view\n  ratchet view dsl-c9ca3b708a                 the run's page: its cells, each attempt\n  ratchet view --store sqlite:other/.ratchet/corpus.db --port 0",
    )
    .action(async (runId: string | undefined, options: { port: number; host: string }) => {
      await viewCommand({
        store: await context.readStore(),
        ...(runId === undefined ? {} : { runId }),
        port: options.port,
        host: options.host,
        print: context.print,
        signal: context.signal,
      });
    });
}

/**
 * `ratchet view`: serves the viewer until the signal aborts, then closes the server and the corpus.
 * Reads only; a missing corpus is a usage error, never created.
 *
 * @throws {UsageError} when there is no corpus at the store, or the port is taken.
 */
export async function viewCommand(options: ViewCommandOptions): Promise<void> {
  const corpus = await openExistingCorpus(options.store);
  try {
    // An unknown run is refused before the server starts, naming the recent ones.
    if (options.runId !== undefined) await requireRun(corpus, options.runId);
    const viewer = await serveViewer({ corpus, port: options.port, host: options.host, signal: options.signal }).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'EADDRINUSE' || error.code === 'EACCES') {
          throw new UsageError(
            `cannot serve on ${options.host}:${options.port} (${error.code}); pass another --port, or --port 0 for any free one`,
          );
        }
        throw error;
      },
    );
    const page = options.runId === undefined ? '' : `\nrun ${options.runId}: ${runPageUrl(options.runId, viewer.url)}`;
    options.print(`Ratchet viewer for ${corpus.url}\n${viewer.url}${page}\n(read-only; Ctrl+C stops it)`);
    await viewer.closed;
    options.print('viewer stopped');
  } finally {
    await corpus.close();
  }
}
