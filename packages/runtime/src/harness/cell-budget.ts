import type { Usage } from '@ratchet/corpus';
import { BudgetExhaustedError } from '../contracts/budget-exhausted-error';
import { UnenforceableCapError } from '../contracts/unenforceable-cap-error';
import type { RemainingBudget } from '../contracts/worker';
import type { StrategyPlan } from '../strategies/strategy';

const capped = ['usd', 'tokens', 'wallMs'] as const;

function spentOn(figure: (typeof capped)[number], spent: Usage): number | null {
  if (figure !== 'tokens') return spent[figure];
  return spent.tokensIn === null || spent.tokensOut === null ? null : spent.tokensIn + spent.tokensOut;
}

/**
 * What the cell may still spend: attempts left of k, and what is left under each cap. `spent` is the
 * cell's whole spend, analyst calls included. A capped figure that was not measured cannot be
 * enforced: that is refused, never read as "nothing spent".
 *
 * @throws {UnenforceableCapError} when the arm caps a figure the cell's spend does not measure.
 */
export function remainingBudget(plan: StrategyPlan, made: number, spent: Usage, cellId: string): RemainingBudget {
  const left: Record<(typeof capped)[number], number | null> = { usd: null, tokens: null, wallMs: null };
  for (const figure of capped) {
    const cap = plan.limits?.[figure];
    if (cap === undefined) continue;
    const used = spentOn(figure, spent);
    if (used === null) throw new UnenforceableCapError({ cap: figure, scope: 'cell', where: `cell ${cellId}` });
    left[figure] = cap - used;
  }
  return { attempts: plan.k - made, ...left };
}

/** @throws {BudgetExhaustedError} when no attempt, or nothing under a cap, is left. */
export function assertBudgetLeft(plan: StrategyPlan, budget: RemainingBudget): void {
  if (budget.attempts <= 0) throw new BudgetExhaustedError('attempts', `${plan.k} of ${plan.k} attempts made`);
  for (const limit of capped) {
    const left = budget[limit];
    if (left !== null && left <= 0) throw new BudgetExhaustedError(limit, `cap ${plan.limits?.[limit]} reached`);
  }
}
