import type { CellRecord, Corpus, RunRecord, Verdict } from '@ratchet/corpus';
import { replayViewOf } from '../replay-view-of';
import { OffPolicyError } from './off-policy-error';
import { type DecisionView, topologyDecision } from './topology-decision';
import type { TopologyPolicy } from './topology-policy';
import { topologyControllerId } from './with-topology-policy';

/** Strategies that ask the controller's topology before every attempt after the first. */
const decidingStrategies = new Set(['refine', 'continue-best']);

/** One logged topology decision: the one made before attempt `index`. */
export interface LoggedDecision {
  /** The attempt the decision led to (1 for the decision after the first attempt). */
  readonly index: number;
  /** What the record shows: the attempt continued from a checkpoint (`refine`) or started fresh. */
  readonly action: 'refine' | 'fanout';
  /** P(fanout) under the logging policy, recomputed from the attempts before. */
  readonly logging: number;
  /** P(fanout) under the target policy, from the same attempts. */
  readonly target: number;
  /** Whether an attempt before this one passed every deployable check it had (the reward model's feature). */
  readonly passed: boolean;
}

/** One logged cell as a trajectory: its decisions, and the reward of its final output. */
export interface LoggedTrajectory {
  readonly cellId: string;
  readonly taskId: string;
  readonly decisions: readonly LoggedDecision[];
  readonly reward: number;
}

export interface LoggedTrajectories {
  readonly trajectories: readonly LoggedTrajectory[];
  /** Cells left out: the harness failed (`infra`), or the final output has no verdict (`unjudged`). */
  readonly skipped: { readonly infra: number; readonly unjudged: number };
}

export interface TrajectoryQuery {
  readonly runId: string;
  readonly armId: string;
  readonly logging: TopologyPolicy;
  readonly target: TopologyPolicy;
  /** The reward of a cell from its verdict; default 1 when resolved, else 0. */
  readonly reward?: (verdict: Verdict) => number;
}

const passedAll = (view: DecisionView) => view.checks.length > 0 && view.checks.every((check) => check.passed === true);

/**
 * Reads an arm's cells as trajectories of topology decisions, each with the logging and the target
 * policy's P(fanout) recomputed from the recorded attempts. Only train and val cells are read: a run
 * with holdout tasks is refused before any cell is read, and the query itself asks for train and val
 * alone (docs/design.md rule 1). Every decision is checked against the logging policy's draw.
 *
 * @throws {OffPolicyError} `holdout` when the run has holdout tasks; `no-cells` when the arm has none;
 * `not-logged` when the arm's controller is not named for `logging` or its strategy does not ask the
 * topology before each attempt; `draw-mismatch` when a recorded action is not the one the draw gives.
 */
export async function loggedTrajectories(corpus: Corpus, query: TrajectoryQuery): Promise<LoggedTrajectories> {
  const { runId, armId, logging } = query;
  const manifest = await corpus.manifest(runId);
  const arm = manifest?.arms.find((spec) => spec.armId === armId);
  if (!manifest || !arm) throw new OffPolicyError('no-cells', `run ${runId} has no arm ${armId}`);
  if (manifest.splits.includes('holdout')) {
    throw new OffPolicyError(
      'holdout',
      `run ${runId} ran holdout tasks: off-policy estimates read verdicts of train and val cells only; holdout verdicts are read once, by the gate (docs/design.md rule 1). Log on train or val tasks.`,
    );
  }
  if (!decidingStrategies.has(arm.strategy) || !arm.controller.id.endsWith(topologyControllerId('', logging))) {
    throw new OffPolicyError(
      'not-logged',
      `arm ${armId} of run ${runId} ran ${arm.strategy} with controller ${arm.controller.id}: an off-policy estimate needs an arm of refine or continue-best whose controller is withTopologyPolicy(…, ${logging.id})`,
    );
  }
  const splits = ['train', 'val'] as const;
  const cells: CellRecord[] = [];
  const records = new Map<string, RunRecord>();
  for (const split of splits) {
    cells.push(...(await corpus.cells({ runId, arms: [armId], split })));
    for (const record of await corpus.records({ runId, armId, split })) records.set(record.recordId, record);
  }
  if (cells.length === 0) throw new OffPolicyError('no-cells', `run ${runId} has no train or val cell of arm ${armId}`);
  const reward = query.reward ?? ((verdict: Verdict) => (verdict.resolved ? 1 : 0));
  const trajectories: LoggedTrajectory[] = [];
  const skipped = { infra: 0, unjudged: 0 };
  for (const cell of cells) {
    if (cell.status === 'infra') skipped.infra++;
    else if (cell.verdict === null) skipped.unjudged++;
    else trajectories.push({ ...trajectoryOf(cell, records, query), reward: reward(cell.verdict) });
  }
  return { trajectories, skipped };
}

function trajectoryOf(
  cell: CellRecord,
  records: ReadonlyMap<string, RunRecord>,
  query: TrajectoryQuery,
): Omit<LoggedTrajectory, 'reward'> {
  const views = cell.attemptIds
    .map((id) => records.get(id))
    .filter((record): record is RunRecord => record !== undefined)
    .sort((a, b) => a.attempt - b.attempt)
    .map(replayViewOf);
  const decisions: LoggedDecision[] = [];
  for (let index = 1; index < views.length; index++) {
    const before = views.slice(0, index);
    const action = (views[index] as DecisionView).from === null ? 'fanout' : 'refine';
    const logged = topologyDecision(query.logging, before);
    if (logged.action !== action) {
      throw new OffPolicyError(
        'draw-mismatch',
        `attempt ${index} of cell ${cell.cellId} was a ${action}, but ${query.logging.id} draws ${logged.action} there (P(fanout) = ${logged.fanout}, draw ${logged.draw.toFixed(4)}): the run was logged by another policy, or the worker could not continue from an attempt — topology has no effect where it cannot, and there is nothing to estimate`,
      );
    }
    decisions.push({
      index,
      action,
      logging: logged.fanout,
      target: topologyDecision(query.target, before).fanout,
      passed: before.some(passedAll),
    });
  }
  return { cellId: cell.cellId, taskId: cell.taskId, decisions };
}
