import type { LoggedArm } from '../logged-arm';
import { attemptsOf, replayViewOf } from '../logged-arm';
import { resolvedAfter } from '../replay-stop';
import { stopOnChecksPass } from '../stop-policy';
import { type StopFeatureName, stopFeatures } from './stop-features';

/** One moment a stop policy is asked, on logged data, with what going on would have brought. */
export interface DecisionPoint {
  readonly benchmark: string;
  readonly runId: string;
  readonly cellId: string;
  /** Attempts made when the question is asked. */
  readonly after: number;
  readonly features: Record<StopFeatureName, number>;
  /** Going on (to the cell's logged end or its first check pass) turned the unsolved cell into a solved one. */
  readonly gain: boolean;
}

/**
 * The decision points of an arm's cells: after each attempt before the cell's end (its first attempt
 * whose checks all pass, else its last recorded attempt), where a stop policy that stops on a check
 * pass has a choice to make. The label compares the check-based default's pick at that point with its
 * pick at the end, each scored by its own recorded verdict (the arm's cells must come from train or
 * val: `loadLoggedArm` with those splits). A point either of whose picks was never judged is counted in
 * `unjudged` and left out.
 */
export function decisionPoints(arm: LoggedArm): { points: DecisionPoint[]; unjudged: number } {
  const points: DecisionPoint[] = [];
  let unjudged = 0;
  for (const cell of arm.cells) {
    const attempts = attemptsOf(cell, arm.records);
    const views = attempts.map(replayViewOf);
    let end = views.length;
    for (let used = 1; used <= views.length; used++) {
      if (stopOnChecksPass.stop(views.slice(0, used))) {
        end = used;
        break;
      }
    }
    if (end <= 1) continue;
    const atEnd = resolvedAfter(cell, attempts, end);
    for (let after = 1; after < end; after++) {
      const now = resolvedAfter(cell, attempts, after);
      if (now === null || atEnd === null) {
        unjudged++;
        continue;
      }
      points.push({
        benchmark: arm.benchmark,
        runId: arm.runId,
        cellId: cell.cellId,
        after,
        features: stopFeatures(views.slice(0, after)),
        gain: atEnd && !now,
      });
    }
  }
  return { points, unjudged };
}
