import { correctObjective, createVerdict, type Judge } from '@ratchet/judges';
import { simSucceeded } from './sim-environment';
import { simNotice } from './sim-tasks';

/**
 * The calibration simulator's judge — not a benchmark: resolved when the simulated attempt
 * succeeded. Objective: `correct` (maximized).
 *
 * @example
 * (await simJudge().judge({ id: 't', input: {} }, { succeeded: true })).resolved; // => true
 */
export function simJudge(): Judge {
  const identity = { id: 'sim-judge', version: '1' };
  return {
    ...identity,
    async judge(_task, output, context) {
      const resolved = simSucceeded(output as never);
      return createVerdict(
        { judge: identity, resolved, scores: { correct: correctObjective(resolved) }, details: { notice: simNotice } },
        context,
      );
    },
  };
}
