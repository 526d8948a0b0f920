import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { UsageError } from '@ratchet/config';
import { type AttemptCounts, type ExportSummary, exportJsonl, importJsonl, openCorpus } from '@ratchet/corpus';
import { assertFolderExists } from './assert-folder-exists';
import { openExistingCorpus } from './open-existing-corpus';

/** What the attempt count is made of: only attempts in recorded cells are part of a run's results. */
function attemptParts(counts: AttemptCounts): string {
  return [
    `${counts.attemptsInCells} in recorded cells`,
    `${counts.abandonedAttempts} of tries killed and redone`,
    `${counts.unfinishedAttempts} of cells not recorded yet`,
  ].join(', ');
}

/**
 * The optimizer's records in an export or import: searches, their candidates and iterations,
 * holdout-ledger entries, learned libraries, and flywheel decisions (generations and verdicts).
 */
function optimizerCounts(
  summary: Pick<ExportSummary, 'optimizations' | 'candidates' | 'iterations' | 'gates' | 'libraries' | 'flywheels'>,
): string {
  return `${summary.optimizations} optimizations, ${summary.candidates} candidates, ${summary.iterations} iterations, ${summary.gates} gate decisions, ${summary.libraries} libraries, ${summary.flywheels} flywheel records`;
}

export async function corpusStats(store: string): Promise<string> {
  const corpus = await openExistingCorpus(store);
  try {
    const stats = await corpus.stats();
    const lines = [
      `${stats.location} (schema ${stats.schemaVersion})`,
      `runs ${stats.runs} · cells ${stats.cells} · blobs ${stats.blobs} (${stats.blobBytes} bytes)`,
      `attempts ${stats.attempts}: ${attemptParts(stats)}`,
      ...stats.benchmarks.map(
        (b) => `  ${b.benchmark}: ${b.runs} runs, ${b.cells} cells, attempts ${b.attempts} (${attemptParts(b)})`,
      ),
    ];
    return lines.join('\n');
  } finally {
    await corpus.close();
  }
}

export async function corpusExport(store: string, file: string, runId?: string): Promise<string> {
  await assertFolderExists(file, 'the export file');
  const corpus = await openExistingCorpus(store);
  try {
    const output = createWriteStream(file);
    const summary = await exportJsonl(corpus, runId === undefined ? {} : { runId }, output);
    output.end();
    await finished(output);
    return `wrote ${file}: ${summary.manifests} runs, ${summary.attempts} attempts, ${summary.cells} cells, ${summary.blobs} blobs; ${optimizerCounts(summary)}`;
  } finally {
    await corpus.close();
  }
}

export async function corpusImport(store: string, file: string): Promise<string> {
  if (!existsSync(file)) throw new UsageError(`no file ${file} to import`);
  const corpus = await openCorpus(store);
  try {
    const summary = await importJsonl(corpus, createReadStream(file), { source: file });
    return `imported ${file}: ${summary.inserted} new records, ${summary.duplicates} already present, ${summary.manifests} runs, ${summary.blobs} blobs; ${optimizerCounts(summary)}`;
  } finally {
    await corpus.close();
  }
}
