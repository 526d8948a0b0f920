import type { CandidateRecord, Corpus, FlywheelRecord, IterationRecord, OptimizationRecord } from '@ratchet/corpus';
import { type GateView, gateView } from './gate-sequential';
import { NotFoundError } from './not-found-error';

export interface OptimizationsList {
  optimizations: OptimizationRecord[];
  /** Flywheel decisions grouped by flywheel, each flywheel's verdict last. */
  flywheels: Array<{ flywheelId: string; benchmark: string; records: FlywheelRecord[] }>;
}

export interface OptimizationPage {
  optimization: OptimizationRecord;
  /** Every candidate, in the order made: hash, parents, origin, proposer, what it changed. */
  candidates: CandidateRecord[];
  /** Every iteration: the proposal, the acceptance rule's figures, the outcome, the best val score so far. */
  iterations: IterationRecord[];
  /** Holdout-ledger decisions on this optimization's candidates; a sequential one with its stop read out. */
  gates: GateView[];
}

/** Optimizations newest last (as the corpus orders them) and the flywheel decisions, grouped. */
export async function optimizationsList(corpus: Corpus): Promise<OptimizationsList> {
  const flywheels = new Map<string, OptimizationsList['flywheels'][number]>();
  for (const record of await corpus.flywheelRecords()) {
    let group = flywheels.get(record.flywheelId);
    if (!group) {
      group = { flywheelId: record.flywheelId, benchmark: record.benchmark, records: [] };
      flywheels.set(record.flywheelId, group);
    }
    group.records.push(record);
  }
  return { optimizations: await corpus.optimizations(), flywheels: [...flywheels.values()] };
}

/** One optimization: its lineage, iterations (the val curve) and gate decisions. */
export async function optimizationPage(corpus: Corpus, optimizationId: string): Promise<OptimizationPage> {
  const optimization = await corpus.optimization(optimizationId);
  if (!optimization) throw new NotFoundError('optimization', optimizationId, corpus.url);
  const [candidates, iterations, gates] = await Promise.all([
    corpus.candidates({ optimizationId }),
    corpus.iterations(optimizationId),
    corpus.gateRecords({ benchmark: optimization.benchmark }),
  ]);
  return {
    optimization,
    candidates,
    iterations,
    gates: gates.filter((gate) => gate.optimizationId === optimizationId).map(gateView),
  };
}
