import { createHash } from 'node:crypto';
import { PassThrough, Transform } from 'node:stream';
import { finished } from 'node:stream/promises';
import { UsageError } from '@ratchet/config';
import { type Corpus, type ExportSummary, exportJsonl, importJsonl, openCorpus } from '@ratchet/corpus';
import type { Command } from 'commander';
import type { CommandContext } from './command-context';
import { openExistingCorpus } from './open-existing-corpus';

/** What an export held and the sha256 of its bytes: two stores holding the same corpus give the same. */
interface ExportDigest {
  summary: ExportSummary;
  sha256: string;
}

const countsOf = (summary: ExportSummary) =>
  `${summary.manifests} runs, ${summary.attempts} attempts, ${summary.cells} cells, ${summary.blobs} blobs, ${summary.optimizations} optimizations, ${summary.candidates} candidates, ${summary.iterations} iterations, ${summary.gates} gate decisions, ${summary.libraries} libraries, ${summary.flywheels} flywheel records`;

/** Streams the whole corpus as JSON Lines through a hash, into `sink` when given. */
async function exportThrough(corpus: Corpus, sink?: (lines: PassThrough) => Promise<unknown>): Promise<ExportDigest> {
  const hash = createHash('sha256');
  const lines = new PassThrough();
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const consumer = sink ? sink(lines) : finished(lines.resume());
  hashing.pipe(lines);
  const exporting = exportJsonl(corpus, {}, hashing).then((summary) => {
    hashing.end();
    return summary;
  });
  // Together: a failed import rejects at once instead of leaving the export waiting for it to drain.
  const [summary] = await Promise.all([exporting, consumer]);
  return { summary, sha256: hash.digest('hex') };
}

/** True when the store holds no record of any kind (a copy goes into an empty store only). */
async function isEmpty(corpus: Corpus): Promise<boolean> {
  const stats = await corpus.stats();
  if (stats.runs + stats.attempts + stats.cells + stats.blobs > 0) return false;
  const optimizer = await Promise.all([corpus.optimizations(), corpus.libraries(), corpus.flywheelRecords()]);
  return optimizer.every((records) => records.length === 0) && (await corpus.gateRecords()).length === 0;
}

/**
 * Copies every record of one store into another, empty one through the JSON Lines interchange (what
 * `corpus export` and `corpus import` write and read, streamed, never held whole), then exports the
 * copy and checks that it holds the same counts and exports to the same bytes (sha256): a copy that
 * differs in anything is an error, not a warning.
 *
 * @throws {UsageError} when the source does not exist, the target is not empty, or the copy differs.
 */
export async function corpusCopy(from: string, to: string): Promise<string> {
  const source = await openExistingCorpus(from);
  try {
    const target = await openCorpus(to);
    try {
      if (!(await isEmpty(target))) {
        throw new UsageError(
          `the target corpus ${target.url} is not empty; copy into a new store (a new SQLite file, or a new ?schema= of the PostgreSQL database), or merge with \`corpus export\` and \`corpus import\``,
        );
      }
      const copied = await exportThrough(source, (lines) => importJsonl(target, lines, { source: source.url }));
      const check = await exportThrough(target);
      const same = countsOf(copied.summary) === countsOf(check.summary) && copied.sha256 === check.sha256;
      if (!same) {
        throw new UsageError(
          `the copy in ${target.url} differs from ${source.url}: source ${countsOf(copied.summary)}, sha256 ${copied.sha256}; copy ${countsOf(check.summary)}, sha256 ${check.sha256}`,
        );
      }
      return [
        `copied ${source.url} → ${target.url}: ${countsOf(copied.summary)}`,
        `verified: both export the same ${check.summary.manifests + check.summary.attempts + check.summary.cells} runs, attempts and cells, sha256 ${check.sha256}`,
      ].join('\n');
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}

/** Adds `ratchet corpus copy --from URL --to URL`. */
export function addCorpusCopyCommand(corpus: Command, context: CommandContext): void {
  corpus
    .command('copy')
    .description('copy every record of one store into another, empty one, verified by counts and digests')
    .requiredOption('--from <url>', 'the store to copy (sqlite:PATH or postgres://…)')
    .requiredOption('--to <url>', 'the empty store to copy into (created when missing)')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  ratchet corpus copy --from sqlite:.ratchet/corpus.db --to postgres://ratchet@db.internal/ratchet',
        '  ratchet corpus copy --from postgres://ratchet@db.internal/ratchet --to sqlite:backup.db',
        '',
        'The copy goes through the JSON Lines interchange; both stores are then exported and compared:',
        'the same counts and the same sha256, or the command fails.',
      ].join('\n'),
    )
    .action(async (options: { from: string; to: string }) => {
      context.print(await corpusCopy(options.from, options.to));
    });
}
