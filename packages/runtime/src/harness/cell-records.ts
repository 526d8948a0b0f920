import type { CellRecord, RunRecord, Usage, Verdict } from '@ratchet/corpus';
import type { AttemptView } from '../contracts/attempt-view';
import type { Worker } from '../contracts/worker';
import { type CellServices, type CellSpec, cellIdOf } from './cell-spec';

/** The fields of an attempt record that vary per attempt; the rest come from the cell. */
export type AttemptFields = Pick<
  RunRecord,
  'recordId' | 'attempt' | 'steer' | 'checkpoint' | 'trace' | 'output' | 'checks' | 'usage' | 'infra' | 'failure'
>;

/** An attempt's record id: its cell, its try and its position. Made here only; never parsed back. */
export function attemptIdOf(spec: CellSpec, index: number): string {
  return `${cellIdOf(spec.runId, spec.armId, spec.task.id, spec.replicate)}/t${spec.tryNumber}/a${index}`;
}

export function attemptRecord(spec: CellSpec, services: CellServices, fields: AttemptFields): RunRecord {
  return {
    kind: 'attempt',
    schemaVersion: 2,
    runId: spec.runId,
    armId: spec.armId,
    taskId: spec.task.id,
    benchmark: spec.benchmark,
    split: spec.task.split,
    replicate: spec.replicate,
    try: spec.tryNumber,
    seed: `${spec.seed}/a${fields.attempt}`,
    controller: { id: spec.plan.controller.id, hash: spec.plan.controller.hash },
    worker: workerRef(services.worker),
    createdAt: services.now().toISOString(),
    configHash: spec.configHash,
    ...(spec.commitSha === undefined ? {} : { commitSha: spec.commitSha }),
    ...fields,
    verdict: null,
  };
}

export interface CellResult {
  attemptIds: string[];
  final: AttemptView | null;
  /** What chose the final output: the strategy (it called `choose`) or the check-based default. */
  chosenBy: CellRecord['chosenBy'];
  verdict: Verdict | null;
  oracle: { attemptId: string; verdict: Verdict } | null;
  spend: Usage;
  analystCalls: number;
  infra: { error: string; retries: number } | null;
  /** Why the strategy program failed, for a cell that is the program's failure. */
  strategyFailure: { error: string } | null;
}

export function cellRecord(spec: CellSpec, services: Pick<CellServices, 'now'>, result: CellResult): CellRecord {
  return {
    kind: 'cell',
    schemaVersion: 2,
    cellId: cellIdOf(spec.runId, spec.armId, spec.task.id, spec.replicate),
    runId: spec.runId,
    armId: spec.armId,
    taskId: spec.task.id,
    benchmark: spec.benchmark,
    split: spec.task.split,
    replicate: spec.replicate,
    try: spec.tryNumber,
    attemptIds: result.attemptIds,
    finalAttemptId: result.final?.attemptId ?? null,
    finalOutput: result.final ? { inline: result.final.output } : null,
    chosenBy: result.chosenBy,
    verdict: result.verdict,
    oracle: result.oracle,
    spend: result.spend,
    attempts: result.attemptIds.length,
    analystCalls: result.analystCalls,
    status: result.infra ? 'infra' : 'ok',
    infra: result.infra,
    strategyFailure: result.strategyFailure,
    createdAt: services.now().toISOString(),
    ...(spec.supersedes === undefined ? {} : { supersedes: spec.supersedes }),
  };
}

function workerRef(worker: Worker): RunRecord['worker'] {
  return {
    id: worker.id,
    ...(worker.model === undefined ? {} : { model: worker.model }),
    ...(worker.version === undefined ? {} : { version: worker.version }),
    ...(worker.workUnit === undefined ? {} : { workUnit: worker.workUnit }),
  };
}
