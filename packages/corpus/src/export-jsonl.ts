import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { CellRecord } from './cell-record';
import type { Corpus } from './corpus';
import type { BlobLine } from './corpus-line';
import type { RunRecord } from './run-record';

/**
 * What to export. `runId` narrows to one run's manifest, attempts and cells, and leaves optimizer
 * records out (they belong to optimizations and learners, not to a run). `benchmark` narrows runs,
 * optimizations and gate records to that benchmark; candidates and iterations follow their
 * optimization; libraries are kept when that benchmark is among those they were learned from
 * (`source.benchmarks`); flywheel decisions when it is their family (`benchmark`).
 */
export interface ExportFilter {
  runId?: string;
  benchmark?: string;
}

export interface ExportSummary {
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
}

/** Every blob digest a record points at (full traces, large outputs, checkpoints). */
function blobDigests(record: RunRecord | CellRecord): string[] {
  if (record.kind === 'cell') {
    return [record, ...(record.supersedes ?? [])].flatMap((cell) =>
      cell.finalOutput && 'blob' in cell.finalOutput ? [cell.finalOutput.blob.sha256] : [],
    );
  }
  const digests: string[] = [];
  if (record.trace.blob) digests.push(record.trace.blob.sha256);
  if (record.output && 'blob' in record.output) digests.push(record.output.blob.sha256);
  if (record.checkpoint?.blob) digests.push(record.checkpoint.blob.sha256);
  return digests;
}

/**
 * Writes the matching part of the corpus as JSON Lines, one record per line: manifests, attempts,
 * cells; then optimizations, their candidates, their iterations, gate records, libraries and
 * flywheel decisions (see `ExportFilter`); then the blobs the records reference (a library's cell ids included), so the file
 * is self-contained. The order is the stores' query order, so the same corpus always gives the same
 * file. Respects back-pressure.
 *
 * @example
 * await exportJsonl(corpus, { runId: 'run-1' }, createWriteStream('run-1.jsonl'));
 */
export async function exportJsonl(corpus: Corpus, filter: ExportFilter, output: Writable): Promise<ExportSummary> {
  const write = async (line: unknown) => {
    if (!output.write(`${JSON.stringify(line)}\n`)) await once(output, 'drain');
  };
  const summary: ExportSummary = {
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
  };
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
  if (filter.runId === undefined) {
    await exportOptimizerRecords(corpus, filter.benchmark, write, summary);
    for (const digest of await exportLibraries(corpus, filter.benchmark, write, summary)) digests.add(digest);
    const flywheels = await corpus.flywheelRecords(
      filter.benchmark === undefined ? {} : { benchmark: filter.benchmark },
    );
    for (const flywheel of flywheels) await write(flywheel);
    summary.flywheels += flywheels.length;
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

/** Optimizations in start order, then their candidates, then their iterations, then gate records. */
async function exportOptimizerRecords(
  corpus: Corpus,
  benchmark: string | undefined,
  write: (line: unknown) => Promise<void>,
  summary: ExportSummary,
): Promise<void> {
  const optimizations = await corpus.optimizations(benchmark === undefined ? {} : { benchmark });
  for (const optimization of optimizations) await write(optimization);
  summary.optimizations += optimizations.length;
  for (const { optimizationId } of optimizations) {
    const candidates = await corpus.candidates({ optimizationId });
    for (const candidate of candidates) await write(candidate);
    summary.candidates += candidates.length;
  }
  for (const { optimizationId } of optimizations) {
    const iterations = await corpus.iterations(optimizationId);
    for (const iteration of iterations) await write(iteration);
    summary.iterations += iterations.length;
  }
  const gates = await corpus.gateRecords(benchmark === undefined ? {} : { benchmark });
  for (const gate of gates) await write(gate);
  summary.gates += gates.length;
}

/** Libraries in `createdAt` order (those learned from `benchmark`, when given); returns their cell-id blobs. */
async function exportLibraries(
  corpus: Corpus,
  benchmark: string | undefined,
  write: (line: unknown) => Promise<void>,
  summary: ExportSummary,
): Promise<string[]> {
  const libraries = (await corpus.libraries()).filter(
    (library) => benchmark === undefined || library.source.benchmarks.includes(benchmark),
  );
  for (const library of libraries) await write(library);
  summary.libraries += libraries.length;
  return libraries.map((library) => library.source.cellIds.sha256);
}
