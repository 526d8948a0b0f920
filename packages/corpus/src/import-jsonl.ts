import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { CellRecord } from './cell-record';
import type { Corpus, OptimizerRecord } from './corpus';
import { InvalidRecordError } from './invalid-record-error';
import { parseCorpusLine } from './parse-record';
import type { RunRecord } from './run-record';

export interface ImportSummary {
  lines: number;
  manifests: number;
  attempts: number;
  cells: number;
  optimizations: number;
  candidates: number;
  iterations: number;
  gates: number;
  libraries: number;
  /** Flywheel decisions: generations and verdicts. */
  flywheels: number;
  blobs: number;
  /**
   * Attempts, cells, candidates, iterations, gate records, libraries and flywheel records written by
   * this import.
   */
  inserted: number;
  /** Such records already present and identical (re-importing a file is a no-op). */
  duplicates: number;
}

const batchSize = 1000;

/**
 * Reads JSON Lines written by `exportJsonl` (or by hand) into the corpus; lines of record schema 1, as
 * older exports wrote them, are upgraded (`upgradeRecord`). Every line is validated; the first bad one
 * stops the import with its line number and what is wrong. Records are written in whole transactions,
 * so no record is ever half-imported; lines before the bad one are kept (the error says how many),
 * and importing the fixed file again skips them as duplicates. Manifests and optimizations are written
 * as they are read (the same one again changes nothing; a changed frozen field is a conflict);
 * attempts, cells and optimizer records go in batches. Blob lines are checked against their digest.
 *
 * @throws {InvalidRecordError} naming the line (and `source`) of the first invalid line, with
 *   `imported`: the lines and records before it that were committed.
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
    optimizations: 0,
    candidates: 0,
    iterations: 0,
    gates: 0,
    libraries: 0,
    flywheels: 0,
    blobs: 0,
    inserted: 0,
    duplicates: 0,
  };
  const source = options.source ?? 'input';
  let pending: Array<RunRecord | CellRecord> = [];
  let pendingOptimizer: OptimizerRecord[] = [];
  const count = (result: { inserted: number; duplicates: number }) => {
    summary.inserted += result.inserted;
    summary.duplicates += result.duplicates;
  };
  const flush = async () => {
    if (pending.length > 0) count(await corpus.append(pending));
    if (pendingOptimizer.length > 0) count(await corpus.appendOptimizerRecords(pendingOptimizer));
    pending = [];
    pendingOptimizer = [];
  };
  // Commits what came before a bad line, then says how much that was, so the caller knows what was kept.
  const refuse = async (error: InvalidRecordError): Promise<never> => {
    await flush();
    const records =
      summary.attempts +
      summary.cells +
      summary.candidates +
      summary.iterations +
      summary.gates +
      summary.libraries +
      summary.flywheels;
    throw error.withImported({ lines: summary.lines, records });
  };
  let lineNumber = 0;
  for await (const text of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    lineNumber++;
    if (text.trim().length === 0) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (cause) {
      const issue = { path: '', message: 'is not valid JSON; expected one JSON object per line' };
      return refuse(new InvalidRecordError({ source, line: lineNumber, what: 'line', issues: [issue], cause }));
    }
    let line: ReturnType<typeof parseCorpusLine>;
    try {
      line = parseCorpusLine(value, { source, line: lineNumber });
    } catch (error) {
      if (InvalidRecordError.isInstance(error)) return refuse(error);
      throw error;
    }
    if (line.kind === 'blob') {
      const data = Buffer.from(line.base64, 'base64');
      if (createHash('sha256').update(data).digest('hex') !== line.sha256) {
        const issue = { path: 'base64', message: 'does not hash to the sha256 the line declares' };
        return refuse(new InvalidRecordError({ source, line: lineNumber, what: 'blob line', issues: [issue] }));
      }
      await corpus.putBlob(data, line.mediaType);
      summary.blobs++;
    } else if (line.kind === 'manifest') {
      await corpus.putManifest(line);
      summary.manifests++;
    } else if (line.kind === 'optimization') {
      await corpus.putOptimization(line);
      summary.optimizations++;
    } else if (line.kind === 'attempt' || line.kind === 'cell') {
      pending.push(line);
      if (line.kind === 'attempt') summary.attempts++;
      else summary.cells++;
    } else {
      pendingOptimizer.push(line);
      if (line.kind === 'candidate') summary.candidates++;
      else if (line.kind === 'iteration') summary.iterations++;
      else if (line.kind === 'gate') summary.gates++;
      else if (line.kind === 'library') summary.libraries++;
      else summary.flywheels++;
    }
    if (pending.length + pendingOptimizer.length >= batchSize) await flush();
    summary.lines++;
  }
  await flush();
  return summary;
}
