import type { Rng } from '@ratchet/stats';
import type { AttemptView, History } from '../contracts/attempt-view';
import type { Controller, Topology } from '../contracts/controller';
import type { Finding } from '../contracts/finding';
import type { TaskView } from '../contracts/task';
import type { RemainingBudget } from '../contracts/worker';

/**
 * How to make one attempt. A strategy never writes a steer: it passes the findings to steer by, and
 * the harness builds the steer through the firewall and the arm's controller.
 */
export interface ShotOptions {
  /** Steer this attempt by these findings (from `observe`); judge-derived ones are refused. */
  findings?: readonly Finding[];
  /** Continue from this attempt's checkpoint instead of starting fresh. */
  from?: string;
}

/**
 * What a strategy works with. `shot` makes one attempt and returns what a strategy may see of it —
 * output, trace, checks, usage and how the agent failed, never a verdict. The harness enforces the
 * budget: a shot past it throws `BudgetExhaustedError`. The controller is reachable only through
 * `topology` and `stop`: its steers are built by the harness.
 */
export interface StrategyContext<Input = unknown> {
  readonly task: TaskView<Input>;
  readonly k: number;
  /** Seeded for this cell: the same run seed gives the same choices. */
  readonly rng: Rng;
  /** The cell's attempts so far, oldest first (a frozen copy). */
  readonly history: History;
  remaining(): RemainingBudget;
  shot(options?: ShotOptions): Promise<AttemptView>;
  /** Asks the arm's analyst about an attempt; the call is metered in the arm's spend. */
  observe(attempt: AttemptView): Promise<Finding[]>;
  /** The controller's choice after the attempts so far: continue (`refine`), start fresh (`fanout`), or `stop`. */
  topology(): Topology;
  /** Whether the controller would stop here. */
  stop(): boolean;
  /** Names the cell's final output (`chosenBy: 'strategy'`). Without it, the attempt with the best checks is chosen. */
  choose(attemptId: string): void;
}

/** A program over attempts. */
export interface Strategy {
  readonly name: string;
  run(ctx: StrategyContext): Promise<void>;
}

/**
 * Per-cell caps on spend, on top of the k attempts; analyst calls count. A cap on a figure that is
 * not measured cannot hold: the run stops with `UnenforceableCapError` rather than spend without one.
 */
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
 * const twice = defineStrategy('twice', async (ctx) => {
 *   const first = await ctx.shot();
 *   await ctx.shot({ findings: await ctx.observe(first), from: first.attemptId });
 * });
 */
export function defineStrategy(name: string, run: (ctx: StrategyContext) => Promise<void>): Strategy {
  return { name, run };
}
