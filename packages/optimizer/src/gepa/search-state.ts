import type { CandidateRecord, IterationRecord, JsonValue, OptimizationRecord } from '@ratchet/corpus';
import type { Controller } from '@ratchet/runtime';
import type { Candidate } from '../candidate';
import { OptimizerError } from '../optimizer-error';
import type { GepaOptions, GepaSettings } from './gepa-options';

/** What a search knows between iterations, rebuilt from the corpus on resume. */
export interface SearchState {
  record: OptimizationRecord;
  /** Candidates kept (the baseline and every accepted proposal or merge), in the order they were made. */
  readonly pool: Candidate[];
  /** Every candidate evaluated so far, kept or not, by hash. */
  readonly seen: Map<string, Candidate>;
  readonly iterations: IterationRecord[];
  /** Per parent, the proposals already rejected for it: proposed again, they cost no evaluation. */
  readonly rejected: Map<string, Set<string>>;
  /** Merge pairs already tried, as `left+right`. */
  readonly merged: Set<string>;
}

/** Raised when a search id is reused with another definition, or a stored candidate no longer rebuilds to its hash. */
export class SearchStateError extends OptimizerError {}

export function candidateRecordOf(optimizationId: string, candidate: Candidate, createdAt: string): CandidateRecord {
  return {
    kind: 'candidate',
    schemaVersion: 2,
    recordId: `${optimizationId}/${candidate.hash}`,
    optimizationId,
    hash: candidate.hash,
    controllerId: candidate.controller.id,
    parameters: { ...candidate.controller.parameters },
    parents: [...candidate.parents],
    origin: candidate.origin,
    proposer: candidate.proposer,
    changed: [...candidate.changed],
    iteration: candidate.iteration,
    createdAt,
  };
}

function candidateOf(record: CandidateRecord, baseline: Controller): Candidate {
  const controller = baseline.withParameters(record.parameters);
  if (controller.hash !== record.hash) {
    throw new SearchStateError(
      `candidate ${record.hash} of ${record.optimizationId} rebuilds to hash ${controller.hash}: the controller "${baseline.id}" changed since the search began; start a new search (another id or seed)`,
    );
  }
  return {
    hash: record.hash,
    controller,
    parents: record.parents,
    origin: record.origin,
    proposer: record.proposer,
    changed: record.changed,
    iteration: record.iteration,
  };
}

/**
 * Starts a search, or resumes the one recorded under the same id: its candidates, lineage, iterations
 * and rejected proposals come back from the corpus, so the next iteration is the one it would have run.
 *
 * @throws {SearchStateError} when the id was used by another definition.
 */
export async function openSearch(
  options: GepaOptions,
  settings: GepaSettings,
  ids: { id: string; configHash: string },
  definition: JsonValue,
): Promise<SearchState> {
  const { corpus, baseline } = options;
  const now = (options.now ?? (() => new Date()))().toISOString();
  const existing = await corpus.optimization(ids.id);
  if (existing && existing.configHash !== ids.configHash) {
    throw new SearchStateError(
      `optimization "${ids.id}" was started with another definition (config hash ${existing.configHash}, now ${ids.configHash}); resume it with the same settings, or give another id`,
    );
  }
  const base: Candidate = {
    hash: baseline.hash,
    controller: baseline,
    parents: [],
    origin: 'baseline',
    proposer: 'baseline',
    changed: [],
    iteration: 0,
  };
  const record: OptimizationRecord = existing
    ? { ...existing, status: 'running', stopReason: null, endedAt: null }
    : {
        kind: 'optimization',
        schemaVersion: 2,
        optimizationId: ids.id,
        benchmark: options.benchmark,
        config: definition,
        configHash: ids.configHash,
        seed: settings.seed,
        baseline: { id: baseline.id, hash: baseline.hash },
        objectives: settings.objectives.map((objective) => ({ ...objective })),
        budget: { cells: options.budget.cells ?? null, usd: options.budget.usd ?? null },
        startedAt: now,
        endedAt: null,
        status: 'running',
        stopReason: null,
        best: null,
        spend: { cells: 0, usd: 0 },
        ...(options.resumeCommand ? { resumeCommand: options.resumeCommand } : {}),
        ...(options.commitSha ? { commitSha: options.commitSha } : {}),
      };
  if (existing) delete (record as { stopDetail?: string }).stopDetail;
  await corpus.putOptimization(record);
  if (!existing) await corpus.appendOptimizerRecords([candidateRecordOf(ids.id, base, now)]);

  const stored = await corpus.candidates({ optimizationId: ids.id });
  const seen = new Map<string, Candidate>([[base.hash, base]]);
  for (const candidate of stored)
    if (candidate.hash !== base.hash) seen.set(candidate.hash, candidateOf(candidate, baseline));
  const iterations = await corpus.iterations(ids.id);
  const pool: Candidate[] = [base];
  const rejected = new Map<string, Set<string>>();
  const merged = new Set<string>();
  for (const iteration of iterations) {
    const [parent] = iteration.parents as [string, ...string[]];
    if (iteration.step === 'merge') merged.add(iteration.parents.join('+'));
    if (iteration.proposal === null) continue;
    const made = seen.get(iteration.proposal);
    if (iteration.outcome === 'accepted' && made) pool.push(made);
    if (iteration.outcome === 'rejected' && iteration.step === 'reflect') {
      if (!rejected.has(parent)) rejected.set(parent, new Set());
      rejected.get(parent)?.add(iteration.proposal);
    }
  }
  return { record, pool, seen, iterations, rejected, merged };
}
