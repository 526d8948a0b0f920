import { writeFile } from 'node:fs/promises';
import { UsageError } from '@ratchet/config';
import type { Corpus, RunManifest } from '@ratchet/corpus';
import { type RunSummary, summarizeRun } from '@ratchet/runtime';
import { renderHtmlReport } from '../report';

/** A recorded run and its summary: the named run, or the most recently started one. */
export async function loadRun(corpus: Corpus, runId?: string): Promise<{ manifest: RunManifest; summary: RunSummary }> {
  const manifest = await requireRun(corpus, runId);
  const summary = await summarizeRun(corpus, manifest, { tolerance: 0.1, seed: manifest.seed });
  return { manifest, summary };
}

/**
 * The named run's manifest, or the most recently started run's.
 * @throws {UsageError} naming recent runs when there is no such run.
 */
export async function requireRun(corpus: Corpus, runId?: string): Promise<RunManifest> {
  const runs = await corpus.runs();
  const manifest = runId === undefined ? runs.at(-1) : runs.find((run) => run.runId === runId);
  if (!manifest) {
    const known = runs.map((run) => run.runId).slice(-5);
    throw new UsageError(
      runId === undefined
        ? `the corpus at ${corpus.url} has no runs yet; start one with \`ratchet demo\``
        : `no run "${runId}" in ${corpus.url}${known.length > 0 ? `; recent runs: ${known.join(', ')}` : ''}`,
    );
  }
  return manifest;
}

/** Writes the run's self-contained HTML report to `file`. */
export async function writeHtmlReport(
  corpus: Corpus,
  run: { manifest: RunManifest; summary: RunSummary },
  file: string,
): Promise<string> {
  const cells = await corpus.cells({ runId: run.manifest.runId });
  await writeFile(file, renderHtmlReport({ ...run, cells, generatedAt: new Date().toISOString() }));
  return `wrote ${file}`;
}
