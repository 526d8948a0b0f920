import { UsageError } from '@ratchet/config';
import type { CandidateRecord, Corpus, OptimizationRecord } from '@ratchet/corpus';

/** A candidate found by its hash, with the optimizations of this benchmark that made it (latest first). */
export interface FoundCandidate {
  readonly record: CandidateRecord;
  readonly optimizations: readonly OptimizationRecord[];
}

/** Shortest hash prefix accepted for a candidate (the progress lines show 8 characters). */
const minPrefix = 6;

/**
 * The candidate with this hash (or a unique prefix of at least 6 characters) made by an optimization
 * of `benchmark`.
 *
 * @throws {UsageError} when there is none, listing each optimization's best candidate; when a prefix
 *   is ambiguous; or when the candidate was found on another benchmark.
 */
export async function findCandidate(corpus: Corpus, hash: string, benchmark: string): Promise<FoundCandidate> {
  const optimizations = (await corpus.optimizations()).sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  const byId = new Map(optimizations.map((optimization) => [optimization.optimizationId, optimization]));
  let records = await corpus.candidates({ hash });
  if (records.length === 0 && hash.length >= minPrefix) {
    const all = await Promise.all(
      optimizations.map((optimization) => corpus.candidates({ optimizationId: optimization.optimizationId })),
    );
    records = all.flat().filter((record) => record.hash.startsWith(hash));
    const hashes = [...new Set(records.map((record) => record.hash))];
    if (hashes.length > 1) {
      throw new UsageError(
        `--candidate ${hash} matches ${hashes.length} candidates (${hashes.join(', ')}); give more of the hash`,
      );
    }
  }
  const here = records.filter((record) => byId.get(record.optimizationId)?.benchmark === benchmark);
  if (here.length === 0) {
    const elsewhere = records
      .map((record) => byId.get(record.optimizationId)?.benchmark)
      .filter((name) => name !== undefined);
    if (elsewhere.length > 0) {
      throw new UsageError(
        `candidate ${hash} was found by an optimization of ${[...new Set(elsewhere)].join(', ')}, not of ${benchmark}: gate it with the config it was searched with`,
      );
    }
    throw new UsageError(
      `there is no candidate ${hash} in the corpus. ${await bestCandidates(corpus, optimizations, benchmark)}`,
    );
  }
  const record = here[0] as CandidateRecord;
  const ids = new Set(here.map((candidate) => candidate.optimizationId));
  return { record, optimizations: optimizations.filter((optimization) => ids.has(optimization.optimizationId)) };
}

/** One line per optimization of the benchmark: its best candidate and val score, to pick a hash from. */
async function bestCandidates(
  corpus: Corpus,
  optimizations: readonly OptimizationRecord[],
  benchmark: string,
): Promise<string> {
  const ours = optimizations.filter((optimization) => optimization.benchmark === benchmark);
  if (ours.length === 0) return `No optimization of ${benchmark} is recorded yet: run \`ratchet optimize\` first.`;
  const lines = await Promise.all(
    ours.map(async (optimization) => {
      const last = (await corpus.iterations(optimization.optimizationId)).at(-1);
      const val = last ? ` (val ${last.best.valScore.toFixed(3)})` : '';
      return `  ${optimization.optimizationId} (${optimization.status}): best ${optimization.best?.hash ?? 'none yet'}${val}`;
    }),
  );
  return `The best candidates of the optimizations of ${benchmark}:\n${lines.join('\n')}`;
}
