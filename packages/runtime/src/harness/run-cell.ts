import type { CellRecord, RunRecord } from '@ratchet/corpus';
import { BudgetExhaustedError } from '../contracts/budget-exhausted-error';
import { StrategyFailureError } from '../contracts/strategy-failure-error';
import { type CellResult, cellRecord } from './cell-records';
import type { CellServices, CellSpec } from './cell-spec';
import { CellState } from './cell-state';
import { judgeAttempts } from './judge-attempts';
import { CellInfraFailure } from './retry';
import { strategyFailureVerdict } from './strategy-failure-verdict';

export { type CellServices, type CellSpec, cellIdOf } from './cell-spec';

/**
 * Runs one cell: runs the arm's strategy with the budget enforced, records every attempt as it
 * finishes, judges the chosen output (and, for the oracle bound, every attempt) once the strategy is
 * done, and records the cell; returns the cell and its attempt records. A persistent infra failure
 * ends the cell as `infra`. A strategy program that fails as a program (`StrategyFailureError`) ends
 * the cell as its failure: the attempts so far, no final output, a failed verdict, the reason kept.
 * Strategies never see a verdict, never hold the controller, and never write a steer.
 */
export async function runCell(
  spec: CellSpec,
  services: CellServices,
): Promise<{ cell: CellRecord; attempts: RunRecord[] }> {
  const state = new CellState(spec, services);
  const finish = async (result: Partial<CellResult>) => {
    const cell = cellRecord(spec, services, {
      attemptIds: [...state.records.keys()],
      final: null,
      chosenBy: 'checks',
      verdict: null,
      oracle: null,
      spend: state.spend(),
      analystCalls: state.analystCalls,
      infra: null,
      strategyFailure: null,
      ...result,
    });
    await services.writer.write(cell);
    return { cell, attempts: [...state.records.values()] };
  };

  try {
    let failure: StrategyFailureError | null = null;
    try {
      await spec.plan.strategy.run(state.context());
    } catch (error) {
      // The budget and a persistent infra failure end the strategy; the cell is still recorded.
      if (StrategyFailureError.isInstance(error)) failure = error;
      else if (!BudgetExhaustedError.isInstance(error) && !CellInfraFailure.isFailure(error)) throw error;
    }
    // The harness failing comes first: a cell it broke says nothing about the program either.
    if (failure && !state.infra) {
      const error = failure.message.slice(0, 10_000) || 'the strategy program failed';
      const verdict = strategyFailureVerdict(services.judge, error, services.now());
      return finish({ chosenBy: 'strategy', verdict, strategyFailure: { error } });
    }
    if (state.infra || state.history.length === 0) {
      return finish({ infra: state.infra ?? { error: 'the strategy made no attempt', retries: 0 } });
    }
    const { final, chosenBy } = state.finalAttempt();
    try {
      return finish({ final, chosenBy, ...(await judgeAttempts(spec, services, state.history, final, state.handles)) });
    } catch (error) {
      if (!CellInfraFailure.isFailure(error)) throw error;
      return finish({ infra: error.infra });
    }
  } finally {
    for (const handle of state.handles.values()) await services.environment.close(handle);
  }
}
