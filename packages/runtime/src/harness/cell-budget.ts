import type { Usage } from '@ratchet/corpus';
import { BudgetExhaustedError } from '../contracts/budget-exhausted-error';
import type { RemainingBudget } from '../contracts/worker';
import type { StrategyPlan } from '../strategies/strategy';

/** What the cell may still spend: attempts left of k, and what is left under each measured cap. */
export function remainingBudget(plan: StrategyPlan, made: number, spent: Usage): RemainingBudget {
  const left = (cap: number | undefined, used: number | null) =>
    cap === undefined || used === null ? null : cap - used;
  const tokens = spent.tokensIn === null || spent.tokensOut === null ? null : spent.tokensIn + spent.tokensOut;
  return {
    attempts: plan.k - made,
    usd: left(plan.limits?.usd, spent.usd),
    tokens: left(plan.limits?.tokens, tokens),
    wallMs: left(plan.limits?.wallMs, spent.wallMs),
  };
}

/** @throws {BudgetExhaustedError} when no attempt, or no measured spend under a cap, is left. */
export function assertBudgetLeft(plan: StrategyPlan, budget: RemainingBudget): void {
  if (budget.attempts <= 0) throw new BudgetExhaustedError('attempts', `${plan.k} of ${plan.k} attempts made`);
  for (const limit of ['usd', 'tokens', 'wallMs'] as const) {
    const left = budget[limit];
    if (left !== null && left <= 0) throw new BudgetExhaustedError(limit, `cap ${plan.limits?.[limit]} reached`);
  }
}
