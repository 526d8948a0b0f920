import type { CellRecord, Corpus, JsonValue, ObjectiveSpec } from '@ratchet/corpus';
import { type Controller, runBenchmark, scoreOfChecks, type Task } from '@ratchet/runtime';
import type { BudgetMeter, BudgetStop } from '../budget';
import type { CandidateScores } from '../score-matrix';
import type { CandidatePlan, SearchFamily } from '../search-family';
import { taskObjectives } from './objective-values';

/** Everything that makes two cells of one candidate on one task interchangeable, and how to run new ones. */
export interface EvaluationSetup {
  readonly corpus: Corpus;
  readonly family: SearchFamily;
  readonly benchmark: string;
  /** How a candidate controller is run on a task: the strategy and k every candidate shares. */
  readonly plan: CandidatePlan;
  /**
   * Digest of what defines a cell besides the candidate and task (family options, strategy, k,
   * replicates, seed). Cells recorded under the same key are read, not re-run.
   */
  readonly evaluationKey: string;
  readonly seed: string;
  readonly replicates: number;
  /** Evaluation runs of this search are named `<runPrefix><label>`; their new cells count against its budget. */
  readonly runPrefix: string;
  readonly concurrency?: number;
  readonly signal?: AbortSignal;
  /** Recorded in every evaluation run's manifest (with the evaluation key). */
  readonly config?: JsonValue;
  /** Read each cell's final attempt for the `checks` objective (one query per run; off unless an objective needs it). */
  readonly readChecks?: boolean;
}

/** The outcome of asking for a candidate's scores: all there, or refused by the budget, or cut short. */
export type Evaluation =
  | { readonly kind: 'scored'; readonly scores: CandidateScores; readonly newCells: number }
  | { readonly kind: 'refused'; readonly stop: BudgetStop }
  | { readonly kind: 'stopped'; readonly reason: 'signal' | 'budget-usd' | 'infra'; readonly detail: string };

const cellKey = (taskId: string, replicate: number) => `${taskId}\u0000${replicate}`;

/**
 * Evaluates candidates through `runBenchmark`, one run per batch, reading from the corpus every
 * (candidate, task, replicate) already recorded under the same evaluation key — by this search or any
 * other — so only new cells are run and counted against the budget. That cache is also how a killed
 * search resumes: the batch it was running has a fixed run id, so `runBenchmark` picks it up where it
 * stopped and no finished cell is repeated.
 */
export class Evaluator {
  /** candidate hash → (task, replicate) → the cell that scores it. */
  private readonly cache = new Map<string, Map<string, CellRecord>>();
  /** cell id → its final attempt's check score, when the `checks` objective is read. */
  private readonly checkScores = new Map<string, number | null>();

  private constructor(
    private readonly setup: EvaluationSetup,
    private readonly meter: BudgetMeter,
  ) {}

  /** Loads every cell recorded under the evaluation key, and charges this search's own cells to `meter`. */
  static async open(setup: EvaluationSetup, meter: BudgetMeter): Promise<Evaluator> {
    const evaluator = new Evaluator(setup, meter);
    const runs = await setup.corpus.runs({ benchmark: setup.benchmark });
    const keyed = runs.filter((run) => evaluationKeyOf(run.config) === setup.evaluationKey).map((run) => run.runId);
    for (const runId of keyed.sort()) {
      const cells = await setup.corpus.cells({ runId });
      await evaluator.remember(cells);
      if (runId.startsWith(setup.runPrefix)) meter.addCells(cells.map((cell) => cell.spend.usd));
    }
    return evaluator;
  }

  /** New cells a batch of `candidate` on `tasks` would run; cells already in run `runId` count as not yet run there. */
  missing(candidate: string, tasks: readonly Task[], runId?: string): Task[] {
    const known = this.cache.get(candidate);
    return tasks.filter((task) =>
      Array.from({ length: this.setup.replicates }, (_, replicate) => known?.get(cellKey(task.id, replicate))).some(
        (cell) => cell === undefined || cell.runId === runId,
      ),
    );
  }

  /** The scores already known for `candidate` on `tasks` (tasks with no cell are left out). */
  known(candidate: string, tasks: readonly Task[], objectives: readonly ObjectiveSpec[]): CandidateScores {
    const known = this.cache.get(candidate);
    const scores = new Map<string, ReturnType<typeof taskObjectives>>();
    for (const task of tasks) {
      const cells = Array.from({ length: this.setup.replicates }, (_, replicate) =>
        known?.get(cellKey(task.id, replicate)),
      ).filter((cell): cell is CellRecord => cell !== undefined);
      if (cells.length > 0) {
        scores.set(
          task.id,
          taskObjectives(cells, objectives, (cell) => this.checkScores.get(cell.cellId) ?? null),
        );
      }
    }
    return scores;
  }

  /** The cells scoring `candidate` on `tasks`, in task then replicate order (for reading their attempts). */
  cells(candidate: string, tasks: readonly Task[]): CellRecord[] {
    const known = this.cache.get(candidate);
    return tasks.flatMap((task) =>
      Array.from({ length: this.setup.replicates }, (_, replicate) => known?.get(cellKey(task.id, replicate))).filter(
        (cell): cell is CellRecord => cell !== undefined,
      ),
    );
  }

  /**
   * Scores `controller` on every task, running only the cells not yet recorded, as run
   * `<runPrefix><label>`. The budget is checked before the batch starts; a batch it refuses runs nothing.
   */
  async evaluate(
    controller: Controller,
    tasks: readonly Task[],
    label: string,
    objectives: readonly ObjectiveSpec[],
  ): Promise<Evaluation> {
    const runId = `${this.setup.runPrefix}${label}`;
    const toRun = this.missing(controller.hash, tasks, runId);
    const inRun = this.cache.get(controller.hash);
    const alreadyInRun = toRun.reduce(
      (count, task) =>
        count +
        Array.from({ length: this.setup.replicates }, (_, replicate) => inRun?.get(cellKey(task.id, replicate))).filter(
          (cell) => cell?.runId === runId,
        ).length,
      0,
    );
    const needed = toRun.length * this.setup.replicates - alreadyInRun;
    if (toRun.length > 0) {
      const stop = this.meter.refuses(needed);
      if (stop) return { kind: 'refused', stop };
      const before = new Set(this.cells(controller.hash, toRun).map((cell) => cell.cellId));
      const usdLeft = this.meter.usdLeft;
      const summary = await runBenchmark({
        ...this.setup.family,
        corpus: this.setup.corpus,
        arms: [{ id: controller.hash, ...this.setup.plan(controller) }],
        tasks: toRun,
        runId,
        benchmark: this.setup.benchmark,
        replicates: this.setup.replicates,
        seed: this.setup.seed,
        primaryContrast: { name: 'evaluation', baseline: controller.hash, candidate: controller.hash },
        oracle: false,
        config: { evaluationKey: this.setup.evaluationKey, search: this.setup.config ?? null },
        ...(this.setup.concurrency === undefined ? {} : { concurrency: this.setup.concurrency }),
        ...(this.setup.signal === undefined ? {} : { signal: this.setup.signal }),
        ...(usdLeft === undefined ? {} : { maxUsd: usdLeft }),
      });
      const fresh = (await this.setup.corpus.cells({ runId })).filter((cell) => !before.has(cell.cellId));
      await this.remember(fresh);
      this.meter.addCells(fresh.filter((cell) => cell.runId === runId).map((cell) => cell.spend.usd));
      if (summary.stopReason !== 'completed') {
        const reason =
          summary.stopReason === 'spend-cap' ? 'budget-usd' : summary.stopReason === 'infra' ? 'infra' : 'signal';
        return {
          kind: 'stopped',
          reason,
          detail: summary.stopDetail ?? `evaluation run ${runId} stopped (${summary.stopReason})`,
        };
      }
      return { kind: 'scored', scores: this.known(controller.hash, tasks, objectives), newCells: fresh.length };
    }
    return { kind: 'scored', scores: this.known(controller.hash, tasks, objectives), newCells: 0 };
  }

  private async remember(cells: readonly CellRecord[]): Promise<void> {
    if (this.setup.readChecks) await this.readCheckScores(cells);
    for (const cell of cells) {
      const known = this.cache.get(cell.armId) ?? new Map<string, CellRecord>();
      this.cache.set(cell.armId, known);
      const key = cellKey(cell.taskId, cell.replicate);
      // Deterministic on resume: the first run in id order wins; a later duplicate (an interrupted batch redone) is ignored.
      const existing = known.get(key);
      if (!existing || cell.runId < existing.runId) known.set(key, cell);
    }
  }

  /** The deployable check score of each cell's final attempt (the strategy's chosen output). */
  private async readCheckScores(cells: readonly CellRecord[]): Promise<void> {
    for (const runId of new Set(cells.map((cell) => cell.runId))) {
      const records = new Map((await this.setup.corpus.records({ runId })).map((record) => [record.recordId, record]));
      for (const cell of cells.filter((one) => one.runId === runId)) {
        const final = cell.finalAttemptId === null ? undefined : records.get(cell.finalAttemptId);
        this.checkScores.set(cell.cellId, final ? scoreOfChecks(final.checks) : null);
      }
    }
  }
}

/** The evaluation key a run was recorded under, if it is an optimizer's evaluation run. */
export function evaluationKeyOf(config: JsonValue): string | null {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) return null;
  const user = config.user;
  if (typeof user !== 'object' || user === null || Array.isArray(user)) return null;
  return typeof user.evaluationKey === 'string' ? user.evaluationKey : null;
}
