import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { exportJsonl, importJsonl, openCorpus } from '@ratchet/corpus';
import { UsageError } from '../usage-error';

export async function corpusStats(store: string): Promise<string> {
  const corpus = await openCorpus(store);
  try {
    const stats = await corpus.stats();
    const lines = [
      `${stats.location} (schema ${stats.schemaVersion})`,
      `runs ${stats.runs} · attempts ${stats.attempts} · cells ${stats.cells} · blobs ${stats.blobs} (${stats.blobBytes} bytes)`,
      ...stats.benchmarks.map((b) => `  ${b.benchmark}: ${b.runs} runs, ${b.attempts} attempts, ${b.cells} cells`),
    ];
    return lines.join('\n');
  } finally {
    await corpus.close();
  }
}

export async function corpusExport(store: string, file: string, runId?: string): Promise<string> {
  const corpus = await openCorpus(store);
  try {
    const output = createWriteStream(file);
    const summary = await exportJsonl(corpus, runId === undefined ? {} : { runId }, output);
    output.end();
    await finished(output);
    return `wrote ${file}: ${summary.manifests} runs, ${summary.attempts} attempts, ${summary.cells} cells, ${summary.blobs} blobs`;
  } finally {
    await corpus.close();
  }
}

export async function corpusImport(store: string, file: string): Promise<string> {
  if (!existsSync(file)) throw new UsageError(`no file ${file} to import`);
  const corpus = await openCorpus(store);
  try {
    const summary = await importJsonl(corpus, createReadStream(file), { source: file });
    return `imported ${file}: ${summary.inserted} new records, ${summary.duplicates} already present, ${summary.manifests} runs, ${summary.blobs} blobs`;
  } finally {
    await corpus.close();
  }
}
