import { verdictSchema } from '@ratchet/corpus';
import { type Judge, usageObjectives } from '@ratchet/judges';
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
      return verdictSchema.parse({
        judge: identity,
        resolved,
        scores: {
          correct: { value: resolved ? 1 : 0, direction: 'maximize' },
          ...(context?.usage ? usageObjectives(context.usage) : {}),
        },
        details: { notice: simNotice },
        judgedAt: (context?.now?.() ?? new Date()).toISOString(),
      });
    },
  };
}
