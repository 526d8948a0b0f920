import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { CellRecord } from './cell-record';
import type { Corpus } from './corpus';
import { InvalidRecordError } from './invalid-record-error';
import { parseCorpusLine } from './parse-record';
import type { RunRecord } from './run-record';

export interface ImportSummary {
  lines: number;
  manifests: number;
  attempts: number;
  cells: number;
  blobs: number;
  /** Attempts and cells written by this import. */
  inserted: number;
  /** Attempts and cells already present and identical (re-importing a file is a no-op). */
  duplicates: number;
}

const batchSize = 1000;

/**
 * Reads JSON Lines written by `exportJsonl` (or by hand) into the corpus. Every line is validated;
 * the first bad one stops the import with its line number and what is wrong. Records are written in
 * whole transactions, so no record is ever half-imported; lines before the bad one are kept, and
 * importing the fixed file again skips them as duplicates. Blob lines are checked against their digest.
 *
 * @throws {InvalidRecordError} naming the line (and `source`) of the first invalid line.
 * @throws {RecordConflictError} when a line reuses the id of a different record already in the corpus.
 * @example
 * await importJsonl(corpus, createReadStream('run-1.jsonl'), { source: 'run-1.jsonl' });
 */
export async function importJsonl(
  corpus: Corpus,
  input: Readable,
  options: { source?: string } = {},
): Promise<ImportSummary> {
  const summary: ImportSummary = {
    lines: 0,
    manifests: 0,
    attempts: 0,
    cells: 0,
    blobs: 0,
    inserted: 0,
    duplicates: 0,
  };
  const source = options.source ?? 'input';
  let pending: Array<RunRecord | CellRecord> = [];
  const flush = async () => {
    if (pending.length === 0) return;
    const result = await corpus.append(pending);
    summary.inserted += result.inserted;
    summary.duplicates += result.duplicates;
    pending = [];
  };
  let lineNumber = 0;
  for await (const text of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    lineNumber++;
    if (text.trim().length === 0) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (cause) {
      await flush();
      throw new InvalidRecordError({
        source,
        line: lineNumber,
        what: 'line',
        issues: [{ path: '', message: 'is not valid JSON; expected one JSON object per line' }],
        cause,
      });
    }
    let line: ReturnType<typeof parseCorpusLine>;
    try {
      line = parseCorpusLine(value, { source, line: lineNumber });
    } catch (error) {
      await flush();
      throw error;
    }
    summary.lines++;
    if (line.kind === 'manifest') {
      await corpus.putManifest(line);
      summary.manifests++;
    } else if (line.kind === 'blob') {
      const data = Buffer.from(line.base64, 'base64');
      if (createHash('sha256').update(data).digest('hex') !== line.sha256) {
        await flush();
        throw new InvalidRecordError({
          source,
          line: lineNumber,
          what: 'blob line',
          issues: [{ path: 'base64', message: 'does not hash to the sha256 the line declares' }],
        });
      }
      await corpus.putBlob(data, line.mediaType);
      summary.blobs++;
    } else {
      pending.push(line);
      if (line.kind === 'attempt') summary.attempts++;
      else summary.cells++;
      if (pending.length >= batchSize) await flush();
    }
  }
  await flush();
  return summary;
}
