import type { IterationRecord, OptimizerSpend } from '@ratchet/corpus';
import type { Task } from '@ratchet/runtime';
import type { BudgetMeter } from '../budget';
import type { Candidate } from '../candidate';
import type { Evaluation, Evaluator } from '../evaluation/evaluator';
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

/** Why an evaluation that did not score stops the search. */
export function stopOf(evaluation: Exclude<Evaluation, { kind: 'scored' }>): GepaStop {
  if (evaluation.kind === 'refused') return evaluation.stop;
  return { reason: evaluation.reason === 'budget-usd' ? 'budget-usd' : 'signal', detail: evaluation.detail };
}

type IterationFields = Omit<StepOutcome['iteration'], 'spend' | 'proposer'>;

/**
 * Builds a step's outcomes: the fields it fixed at the start (`base`), the spend since it began (read
 * from the meter when the outcome is made), and the proposer's share as last set.
 */
export function stepRecorder<Base extends Partial<IterationFields>>(context: SearchContext, base: Base) {
  const before = context.meter.spend;
  let proposer: StepOutcome['iteration']['proposer'] = { calls: 0, usd: 0 };
  return {
    setProposer(usage: StepOutcome['iteration']['proposer']): void {
      proposer = usage;
    },
    done(
      rest: Omit<IterationFields, keyof Base>,
      candidate: StepOutcome['candidate'] = null,
      stop: GepaStop | null = null,
    ): StepOutcome {
      const now = context.meter.spend;
      const spend = {
        cells: now.cells - before.cells,
        usd: now.usd === null || before.usd === null ? null : now.usd - before.usd,
      };
      return { iteration: { ...base, ...rest, spend, proposer } as StepOutcome['iteration'], candidate, stop };
    },
  };
}
