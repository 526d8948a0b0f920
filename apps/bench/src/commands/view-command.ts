import { UsageError } from '@ratchet/config';
import { serveViewer } from '@ratchet/viewer';
import { type Command, InvalidArgumentError } from 'commander';
import type { CommandContext } from './command-context';
import { openExistingCorpus } from './open-existing-corpus';

/** The port `ratchet view` serves on unless told otherwise: fixed, so a bookmarked deep link keeps working. */
export const defaultViewPort = 4400;

export interface ViewCommandOptions {
  readonly store: string;
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
    .option('--port <n>', `the port to serve on (0: any free port)`, portNumber, defaultViewPort)
    .option(
      '--host <address>',
      'the address to bind; anything but 127.0.0.1 shows the corpus to the network',
      '127.0.0.1',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  ratchet view\n  ratchet view --store sqlite:other/.ratchet/corpus.db --port 0',
    )
    .action(async (options: { port: number; host: string }) => {
      await viewCommand({
        store: await context.readStore(),
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
    options.print(`Ratchet viewer for ${corpus.url}\n${viewer.url}\n(read-only; Ctrl+C stops it)`);
    await viewer.closed;
    options.print('viewer stopped');
  } finally {
    await corpus.close();
  }
}
