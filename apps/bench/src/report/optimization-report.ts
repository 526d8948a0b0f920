import { UsageError } from '@ratchet/config';
import type { CandidateRecord, Corpus, GateRecord, IterationRecord, OptimizationRecord } from '@ratchet/corpus';
import {
  candidateMeans,
  candidateParetoFront,
  hypervolume,
  meanScalar,
  type ObjectiveSpec,
  type ScoreMatrix,
} from '@ratchet/optimizer';
import { optimizationValMatrix } from './optimization-val-matrix';
import { type SearchDefinition, searchDefinitionOf } from './search-definition';

/** One candidate in the lineage: where it came from, what it changed, and what became of it. */
export interface LineageEntry {
  readonly hash: string;
  readonly parents: readonly string[];
  readonly origin: CandidateRecord['origin'];
  readonly proposer: string;
  readonly changed: readonly string[];
  readonly iteration: number;
  /** `kept`: accepted on its minibatch and scored on val; `rejected`: not; the baseline is kept. */
  readonly status: 'baseline' | 'kept' | 'rejected';
  /** Its mean val score on the scalarized objective; null for a rejected candidate (never scored on val). */
  readonly valScore: number | null;
  /** Its mean val value per objective; null when it has no val cell. */
  readonly means: Readonly<Record<string, number | null>> | null;
  readonly onFront: boolean;
  readonly best: boolean;
}

/** The best val score after an iteration, against the new cells spent so far (iteration 0: the baseline alone). */
export interface CurvePoint {
  readonly iteration: number;
  readonly cells: number;
  readonly bestVal: number | null;
  readonly bestHash: string;
}

/** Everything `ratchet report <optimization-id>` shows, as `--json` prints it. */
export interface OptimizationReport {
  readonly optimization: OptimizationRecord;
  readonly search: SearchDefinition & { readonly trainTasks: number; readonly valTasks: number };
  /** What drove the search: its objectives, the stated scalarization, the acceptance rule, in a sentence. */
  readonly drivers: string;
  readonly outcomes: Readonly<Record<IterationRecord['outcome'], number>>;
  readonly lineage: readonly LineageEntry[];
  readonly curve: readonly CurvePoint[];
  readonly front: readonly string[];
  readonly hypervolume: number | null;
  readonly gates: readonly GateRecord[];
}

/**
 * Reads an optimization's record, candidates, iterations, val cells and gate decisions from the corpus.
 * With no id, the latest optimization.
 *
 * @throws {UsageError} when there is no such optimization (listing the recorded ones), or none at all.
 */
export async function loadOptimizationReport(corpus: Corpus, id?: string): Promise<OptimizationReport> {
  const optimization = await findOptimization(corpus, id);
  const search = searchDefinitionOf(optimization.config);
  const { objectives } = optimization;
  const scalarization = search.scalarization ?? { success: 1 };
  const candidates = await corpus.candidates({ optimizationId: optimization.optimizationId });
  const iterations = await corpus.iterations(optimization.optimizationId);
  const outcomeOf = new Map(iterations.filter((it) => it.proposal !== null).map((it) => [it.proposal, it.outcome]));
  const kept = candidates.filter((c) => c.origin === 'baseline' || outcomeOf.get(c.hash) === 'accepted');
  const val = search.val ?? [];
  const matrix = await optimizationValMatrix(
    corpus,
    optimization,
    kept.map((c) => c.hash),
    val,
    search.replicates ?? 1,
  );
  const score = (hash: string) => {
    const scores = matrix.get(hash);
    return scores ? meanScalar(scores, val, objectives, scalarization) : null;
  };
  const front = matrix.size > 0 ? candidateParetoFront(matrix, objectives) : [];
  const frontHashes = new Set(front.map((point) => point.hash));
  const means = new Map(candidateMeans(matrix, objectives).map((point) => [point.hash, point.means]));
  const lineage: LineageEntry[] = candidates
    .sort((a, b) => a.iteration - b.iteration)
    .map((c) => {
      const status = c.origin === 'baseline' ? 'baseline' : outcomeOf.get(c.hash) === 'accepted' ? 'kept' : 'rejected';
      return {
        hash: c.hash,
        parents: c.parents,
        origin: c.origin,
        proposer: c.proposer,
        changed: c.changed,
        iteration: c.iteration,
        status,
        valScore: status === 'rejected' ? null : score(c.hash),
        means: means.get(c.hash) ?? null,
        onFront: frontHashes.has(c.hash),
        best: optimization.best?.hash === c.hash,
      };
    });
  const baseline = optimization.baseline.hash;
  const first = iterations[0];
  const curve: CurvePoint[] = [
    {
      iteration: 0,
      cells: first ? first.total.cells - first.spend.cells : optimization.spend.cells,
      bestVal: score(baseline),
      bestHash: baseline,
    },
    ...iterations.map((it) => ({
      iteration: it.iteration,
      cells: it.total.cells,
      bestVal: it.best.valScore,
      bestHash: it.best.hash,
    })),
  ];
  const hashes = new Set(candidates.map((c) => c.hash));
  const gates = (await corpus.gateRecords({ benchmark: optimization.benchmark })).filter(
    (gate) => gate.optimizationId === optimization.optimizationId || hashes.has(gate.candidate.hash),
  );
  return {
    optimization,
    search: { ...search, trainTasks: search.train?.length ?? 0, valTasks: val.length },
    drivers: driversOf(objectives, scalarization, search),
    outcomes: countOutcomes(iterations),
    lineage,
    curve,
    front: front.map((point) => point.hash),
    hypervolume: frontVolume(matrix, objectives, baseline),
    gates,
  };
}

async function findOptimization(corpus: Corpus, id: string | undefined): Promise<OptimizationRecord> {
  if (id !== undefined) {
    const found = await corpus.optimization(id);
    if (found) return found;
  }
  const all = (await corpus.optimizations()).sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  if (id === undefined && all[0]) return all[0];
  if (all.length === 0)
    throw new UsageError('no optimization is recorded in this corpus; run `ratchet optimize <config>` first');
  const listed = all.slice(0, 10).map((o) => `  ${o.optimizationId}  ${o.benchmark}  ${o.status}  ${o.startedAt}`);
  throw new UsageError(`there is no optimization "${id}"; recorded (latest first):\n${listed.join('\n')}`);
}

function countOutcomes(iterations: readonly IterationRecord[]): Record<IterationRecord['outcome'], number> {
  const counts = { accepted: 0, rejected: 0, invalid: 0, repeated: 0, exhausted: 0 };
  for (const iteration of iterations) counts[iteration.outcome]++;
  return counts;
}

function driversOf(
  objectives: readonly ObjectiveSpec[],
  scalarization: Readonly<Record<string, number>>,
  search: SearchDefinition,
): string {
  const named = objectives.map((o) => `${o.direction} ${o.name}`).join(', ');
  const weights = Object.entries(scalarization)
    .filter(([, weight]) => weight > 0)
    .map(([name, weight]) => `${weight} × ${name}`)
    .join(' + ');
  const rule = ruleText(search.acceptance);
  return `Objectives: ${named}. Parents were drawn from the per-task fronts of these; the best candidate is the argmax of ${weights} on val (ties to the earliest). Proposals were accepted on a minibatch of ${search.minibatch ?? '?'} train tasks by ${rule}.`;
}

/** How a recorded acceptance rule reads: `strict (the child's sum above the parent's)`, `margin 0.1`, `sign test at α 0.2`. */
function ruleText(acceptance: SearchDefinition['acceptance']): string {
  switch (acceptance?.rule) {
    case 'strict':
      return "the strict rule (the child's sum above the parent's)";
    case 'margin':
      return `the margin rule (the child's mean at least ${acceptance.margin} above the parent's)`;
    case 'sign':
      return `a one-sided sign test at α ${acceptance.alpha}`;
    default:
      return 'an unrecorded rule';
  }
}

/** Hypervolume of the front beyond the baseline's mean vector; null with one objective or an unmeasured one. */
function frontVolume(matrix: ScoreMatrix, objectives: readonly ObjectiveSpec[], baseline: string): number | null {
  if (objectives.length < 2 || !matrix.has(baseline)) return null;
  const reference = candidateMeans(new Map([[baseline, matrix.get(baseline) ?? new Map()]]), objectives)[0]?.means;
  const points = candidateParetoFront(matrix, objectives).map((point) => point.means);
  const measured = (means: Readonly<Record<string, number | null>>) =>
    objectives.every(({ name }) => means[name] !== null);
  if (!reference || !measured(reference) || !points.every(measured)) return null;
  return hypervolume(points as Record<string, number>[], objectives, reference as Record<string, number>);
}
