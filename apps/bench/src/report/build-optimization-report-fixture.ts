import type { GateRecord, JsonValue } from '@ratchet/corpus';
import { buildGateRecord, buildOptimizationRecord } from '@ratchet/corpus/test';
import { decidePromotion } from '@ratchet/stats';
import type { OptimizationReport } from './optimization-report';

const ids = (count: number) => Array.from({ length: count }, (_, i) => `task-${String(i).padStart(2, '0')}`);
const outcomes = (taskIds: readonly string[], value: (index: number) => number) =>
  new Map(taskIds.map((id, index) => [id, value(index)]));
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as JsonValue;

/**
 * A fixed-n gate on 6 tasks (the candidate wins 2, loses 1: not promoted), its decision computed by
 * `decidePromotion` as the gate computes it.
 */
export function fixedGateRecord(overrides: Partial<GateRecord> = {}): GateRecord {
  const taskIds = ids(6);
  const decision = decidePromotion({
    incumbent: outcomes(taskIds, (i) => (i === 5 ? 1 : 0)),
    candidate: outcomes(taskIds, (i) => (i < 2 ? 1 : 0)),
    taskIds,
    seed: 3,
  });
  return buildGateRecord({
    recordId: 'gate-fixed',
    holdoutKey: 'dsl holdout rotation 0',
    holdoutTasks: 6,
    runId: 'gate-fixed',
    promoted: decision.promoted,
    reason: decision.reason,
    decision: asJson(decision),
    ...overrides,
  });
}

/**
 * A sequential gate on a holdout of 40 whose candidate passes every item the incumbent fails: the
 * mixture e-value after k straight wins is (2^(k+1) − 1)/(k + 1) (1.5, 2.33, 3.75, 6.2, 10.5, 18.1, 31.9,
 * 56.8) and first reaches 1/α = 40 at the 8th item, so it stops by evidence after 8 items, 10 evaluated
 * in two batches of 5. The plug-in bettor, the cross-check, is at (4/3)·1.5⁶ = 15.2 by then.
 */
export function sequentialGateRecord(overrides: Partial<GateRecord> = {}): GateRecord {
  const taskIds = ids(40);
  const decision = decidePromotion({
    incumbent: outcomes(taskIds, () => 0),
    candidate: outcomes(taskIds, () => 1),
    taskIds,
    seed: 3,
    sequential: { maxItems: 40, minEffect: 0.1 },
  });
  const runIds = ['gate-seq', 'gate-seq-batch-2'];
  return buildGateRecord({
    recordId: 'gate-seq',
    holdoutKey: 'dsl holdout rotation 1',
    holdoutTasks: 40,
    runId: 'gate-seq',
    promoted: decision.promoted,
    reason: decision.reason,
    decision: asJson(decision),
    itemsSpent: decision.sequential?.itemsSpent as number,
    itemsEvaluated: 10,
    stoppedBy: 'evidence',
    runIds,
    ...overrides,
  });
}

/** An optimization report with a baseline and one kept candidate, and the gates given. */
export function buildOptimizationReportFixture(gates: readonly GateRecord[]): OptimizationReport {
  const optimization = buildOptimizationRecord({
    status: 'completed',
    stopReason: 'budget-cells',
    objectives: [{ name: 'success', direction: 'maximize' }],
    best: { id: 'default', hash: 'decade' },
    spend: { cells: 48, usd: null },
  });
  const entry = { origin: 'baseline' as const, proposer: 'baseline', changed: [], means: null, onFront: false };
  return {
    optimization,
    search: { strategy: 'refine', k: 2, proposer: 'parametric', minibatch: 2, trainTasks: 24, valTasks: 8 },
    drivers: 'Objectives: maximize success.',
    outcomes: { accepted: 1, rejected: 2, invalid: 0, repeated: 0, exhausted: 0 },
    lineage: [
      { ...entry, hash: 'c0ffee', parents: [], iteration: 0, status: 'baseline', valScore: 0.375, best: false },
      {
        ...entry,
        hash: 'decade',
        parents: ['c0ffee'],
        origin: 'proposal',
        proposer: 'parametric',
        changed: ['featureBoosts'],
        iteration: 3,
        status: 'kept',
        valScore: 0.625,
        onFront: true,
        best: true,
      },
    ],
    curve: [
      { iteration: 0, cells: 8, bestVal: 0.375, bestHash: 'c0ffee' },
      { iteration: 3, cells: 48, bestVal: 0.625, bestHash: 'decade' },
    ],
    front: ['decade'],
    hypervolume: null,
    gates: [...gates],
  };
}
