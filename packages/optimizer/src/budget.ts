import type { OptimizerSpend } from '@ratchet/corpus';
import { OptimizerError } from './optimizer-error';

/** What a search may spend: new cells, dollars (rollouts and proposer calls), iterations. Omitted: no cap. */
export interface OptimizerBudget {
  readonly cells?: number;
  readonly usd?: number;
  readonly iterations?: number;
}

/** Why a batch may not start: the cap it would break, in a sentence with the figures. */
export interface BudgetStop {
  readonly reason: 'budget-cells' | 'budget-usd' | 'unmeasured-usd';
  readonly detail: string;
}

/** Raised up front when the budget cannot pay for even one proposal: the search would report nothing as success. */
export class BudgetTooSmallError extends OptimizerError {
  readonly needed: number;
  constructor(needed: number, cap: number, detail: string) {
    super(
      `the budget of ${cap} cells cannot pay for one proposal: it needs ${needed} new cells (${detail}); raise budget.cells to at least ${needed}`,
    );
    this.needed = needed;
  }
}

/**
 * The running spend of one search, checked before every batch so no cap is overshot: cells exactly;
 * dollars against the dearest cell seen so far (a batch is refused when even that rate would break the
 * cap). A dollar figure that was not measured makes the spend unmeasured (`usd: null`), which stops a
 * dollar-capped search with a clear reason — it never reads as 0 (docs/design.md rule 5).
 */
export class BudgetMeter {
  private cells = 0;
  private rolloutUsd: number | null = 0;
  private proposerUsd: number | null = 0;
  private dearestCell = 0;

  constructor(readonly budget: OptimizerBudget) {}

  /** Counts cells this search ran (their dollars may be unmeasured: null). */
  addCells(costs: readonly (number | null)[]): void {
    for (const usd of costs) {
      this.cells++;
      if (usd === null || this.rolloutUsd === null) this.rolloutUsd = null;
      else {
        this.rolloutUsd += usd;
        this.dearestCell = Math.max(this.dearestCell, usd);
      }
    }
  }

  /** Counts a proposer's dollars (null: not measured). */
  addProposer(usd: number | null): void {
    this.proposerUsd = usd === null || this.proposerUsd === null ? null : this.proposerUsd + usd;
  }

  get spend(): OptimizerSpend {
    const usd = this.rolloutUsd === null || this.proposerUsd === null ? null : this.rolloutUsd + this.proposerUsd;
    return { cells: this.cells, usd };
  }

  /** Dollars left under the cap, or undefined when dollars are not capped. */
  get usdLeft(): number | undefined {
    const { usd } = this.spend;
    return this.budget.usd === undefined || usd === null ? undefined : this.budget.usd - usd;
  }

  /** Why `cells` more cells may not start, or null when they may. */
  refuses(cells: number): BudgetStop | null {
    const { cells: spent, usd } = this.spend;
    if (this.budget.cells !== undefined && spent + cells > this.budget.cells) {
      return {
        reason: 'budget-cells',
        detail: `the next batch needs ${cells} new cells and ${this.budget.cells - spent} of ${this.budget.cells} are left`,
      };
    }
    if (this.budget.usd === undefined || cells === 0) return null;
    if (usd === null) {
      return {
        reason: 'unmeasured-usd',
        detail: `a dollar cap of $${this.budget.usd} is set, but a rollout or proposer cost was not measured, so the spend is unknown`,
      };
    }
    const estimate = cells * this.dearestCell;
    if (usd >= this.budget.usd || usd + estimate > this.budget.usd) {
      return {
        reason: 'budget-usd',
        detail: `$${usd.toFixed(4)} of $${this.budget.usd} spent; the next ${cells} cells may cost up to $${estimate.toFixed(4)} at the dearest cell so far`,
      };
    }
    return null;
  }
}
