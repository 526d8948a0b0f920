import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { CellRecord } from './cell-record';
import type { Corpus } from './corpus';
import type { BlobLine } from './corpus-line';
import type { RunRecord } from './run-record';

export interface ExportFilter {
  runId?: string;
  benchmark?: string;
}

export interface ExportSummary {
  manifests: number;
  attempts: number;
  cells: number;
  blobs: number;
}

/** Every blob digest a record points at (full traces, large outputs, checkpoints). */
function blobDigests(record: RunRecord | CellRecord): string[] {
  if (record.kind === 'cell') {
    return record.finalOutput && 'blob' in record.finalOutput ? [record.finalOutput.blob.sha256] : [];
  }
  const digests: string[] = [];
  if (record.trace.blob) digests.push(record.trace.blob.sha256);
  if (record.output && 'blob' in record.output) digests.push(record.output.blob.sha256);
  if (record.checkpoint?.blob) digests.push(record.checkpoint.blob.sha256);
  return digests;
}

/**
 * Writes the matching part of the corpus as JSON Lines, one record per line: manifests, attempts,
 * cells, then the blobs they reference, so the file is self-contained. Respects back-pressure.
 *
 * @example
 * await exportJsonl(corpus, { runId: 'run-1' }, createWriteStream('run-1.jsonl'));
 */
export async function exportJsonl(corpus: Corpus, filter: ExportFilter, output: Writable): Promise<ExportSummary> {
  const write = async (line: unknown) => {
    if (!output.write(`${JSON.stringify(line)}\n`)) await once(output, 'drain');
  };
  const summary: ExportSummary = { manifests: 0, attempts: 0, cells: 0, blobs: 0 };
  const digests = new Set<string>();
  const runs = await corpus.runs(filter.benchmark === undefined ? {} : { benchmark: filter.benchmark });
  for (const manifest of runs) {
    if (filter.runId !== undefined && manifest.runId !== filter.runId) continue;
    await write(manifest);
    summary.manifests++;
  }
  for await (const record of corpus.iterateRecords(filter)) {
    await write(record);
    summary.attempts++;
    for (const digest of blobDigests(record)) digests.add(digest);
  }
  for await (const cell of corpus.iterateCells(filter)) {
    await write(cell);
    summary.cells++;
    for (const digest of blobDigests(cell)) digests.add(digest);
  }
  for (const digest of [...digests].sort()) {
    const blob = await corpus.blob(digest);
    if (!blob) continue;
    const line: BlobLine = {
      kind: 'blob',
      sha256: digest,
      mediaType: blob.ref.mediaType,
      base64: Buffer.from(blob.data).toString('base64'),
    };
    await write(line);
    summary.blobs++;
  }
  return summary;
}
