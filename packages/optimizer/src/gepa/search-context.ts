import type { IterationRecord, OptimizerSpend } from '@ratchet/corpus';
import type { Task } from '@ratchet/runtime';
import type { BudgetMeter } from '../budget';
import type { Candidate } from '../candidate';
import type { Evaluator } from '../evaluation/evaluator';
import type { ScoreMatrix } from '../score-matrix';
import { meanScalar, scalarScore } from '../selection/scalarize';
import type { GepaOptions, GepaSettings, GepaStop } from './gepa-options';
import type { SearchState } from './search-state';

/** What one step (a reflection or a merge) works with. */
export interface SearchContext {
  readonly options: GepaOptions;
  readonly settings: GepaSettings;
  readonly evaluator: Evaluator;
  readonly meter: BudgetMeter;
  readonly state: SearchState;
}

/** What a step did: its iteration record (without the search-wide totals), the candidate it made, or why the search must stop. */
export interface StepOutcome {
  readonly iteration: Pick<
    IterationRecord,
    'step' | 'parents' | 'component' | 'minibatch' | 'proposal' | 'outcome' | 'reason' | 'acceptance' | 'valScore'
  > & { readonly spend: OptimizerSpend; readonly proposer: IterationRecord['proposer'] };
  readonly candidate: Candidate | null;
  readonly stop: GepaStop | null;
}

/** Every kept candidate's scores on val, from the evaluator's cache. */
export function valMatrix(context: SearchContext): ScoreMatrix {
  const { evaluator, state, options, settings } = context;
  return new Map(
    state.pool.map((candidate) => [candidate.hash, evaluator.known(candidate.hash, options.val, settings.objectives)]),
  );
}

/** Mean scalar val score of a candidate (tasks it has no measured value on are left out). */
export function valScoreOf(context: SearchContext, hash: string): number | null {
  const { evaluator, options, settings } = context;
  return meanScalar(
    evaluator.known(hash, options.val, settings.objectives),
    options.val.map((task) => task.id),
    settings.objectives,
    settings.scalarization,
  );
}

/** Per-task scalar scores of two sides on the same tasks, keeping the tasks both measured. */
export function pairedScalars(
  context: SearchContext,
  left: string,
  right: string,
  tasks: readonly Task[],
): { tasks: string[]; left: number[]; right: number[] } {
  const { evaluator, settings } = context;
  const a = evaluator.known(left, tasks, settings.objectives);
  const b = evaluator.known(right, tasks, settings.objectives);
  const out = { tasks: [] as string[], left: [] as number[], right: [] as number[] };
  for (const task of tasks) {
    const x = a.get(task.id);
    const y = b.get(task.id);
    const sx = x ? scalarScore(x, settings.objectives, settings.scalarization) : null;
    const sy = y ? scalarScore(y, settings.objectives, settings.scalarization) : null;
    if (sx === null || sy === null) continue;
    out.tasks.push(task.id);
    out.left.push(sx);
    out.right.push(sy);
  }
  return out;
}
