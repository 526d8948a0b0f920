import type { Steer } from '@ratchet/corpus';
import type { Rng } from '@ratchet/stats';
import type { Analyst } from '../contracts/analyst';
import type { AttemptView, History } from '../contracts/attempt-view';
import type { Controller } from '../contracts/controller';
import type { Finding } from '../contracts/finding';
import type { TaskView } from '../contracts/task';
import type { RemainingBudget } from '../contracts/worker';

export interface ShotOptions {
  /** What the attempt is told; build it with `ctx.steerFrom(findings)`. */
  steer?: Steer | null;
  /** Continue from this attempt's checkpoint instead of starting fresh. */
  from?: string;
}

/**
 * What a strategy works with. `shot` makes one attempt and returns what a strategy may see of it —
 * output, trace, checks and usage, never a verdict. The harness enforces the budget: a shot past it
 * throws `BudgetExhaustedError`, and anything the strategy reports as its own score is ignored.
 */
export interface StrategyContext<Input = unknown> {
  readonly task: TaskView<Input>;
  readonly k: number;
  readonly controller: Controller;
  readonly analyst: Analyst;
  /** Seeded for this cell: the same run seed gives the same choices. */
  readonly rng: Rng;
  /** The cell's attempts so far, oldest first. */
  readonly history: History;
  remaining(): RemainingBudget;
  shot(options?: ShotOptions): Promise<AttemptView>;
  /** Asks the analyst about an attempt; the call is metered in the arm's spend. */
  observe(attempt: AttemptView): Promise<Finding[]>;
  /** Builds the next steer through the firewall: judge-derived findings are refused. */
  steerFrom(findings: readonly Finding[]): Steer;
  /** Names the cell's final output. Without it, the attempt with the best checks is chosen. */
  choose(attemptId: string): void;
}

/** A program over attempts. */
export interface Strategy {
  readonly name: string;
  run(ctx: StrategyContext): Promise<void>;
}

/** Per-cell caps on measured spend, on top of the k attempts; a figure that is not measured is not capped. */
export interface CellLimits {
  readonly usd?: number;
  readonly tokens?: number;
  readonly wallMs?: number;
}

/** A strategy with its compute and its controller: what an arm runs. */
export interface StrategyPlan {
  readonly strategy: Strategy;
  readonly k: number;
  readonly controller: Controller;
  readonly limits?: CellLimits;
}

/**
 * Defines a strategy from a program over attempts.
 *
 * @example
 * const twice = defineStrategy('twice', async (ctx) => { await ctx.shot(); await ctx.shot(); });
 */
export function defineStrategy(name: string, run: (ctx: StrategyContext) => Promise<void>): Strategy {
  return { name, run };
}
