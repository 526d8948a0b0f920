import { correctObjective, createVerdict, InvalidExpectedError, type Judge } from '@ratchet/judges';
import { dslExpectedSchema } from './dsl-task-input';
import { scoreProgram } from './score-program';

/**
 * The dsl judge: runs the output program on the task's hidden examples. Objectives `correct` (1 when
 * every hidden example passes) and `hiddenPassRate` (share passed), both maximized; resolved when all
 * pass. Write-only, like every judge: a program that fits the visible examples can still fail here.
 *
 * @throws {InvalidExpectedError} when a task's `expected` is not a dsl reference.
 * @example
 * (await dslJudge().judge(task, '(sum xs)')).scores.hiddenPassRate; // => { value: 1, direction: 'maximize' }
 */
export function dslJudge(): Judge {
  const identity = { id: 'dsl-hidden-examples', version: '1' };
  return {
    ...identity,
    async judge(task, output, context) {
      const expected = dslExpectedSchema.safeParse(task.expected);
      if (!expected.success) {
        throw new InvalidExpectedError({
          judgeId: identity.id,
          taskId: task.id,
          problem: 'expected { program, hidden: [{ input, output }] }',
        });
      }
      const score = scoreProgram(output, expected.data.hidden);
      const resolved = score.ok && score.passed === score.total;
      return createVerdict(
        {
          judge: identity,
          resolved,
          scores: {
            correct: correctObjective(resolved),
            hiddenPassRate: { value: score.passed / score.total, direction: 'maximize' },
          },
          // Counts only: verdict text that names the target would reach reports (docs/design.md rule 1).
          details: score.ok
            ? { passed: score.passed, total: score.total }
            : { passed: 0, total: score.total, error: score.error },
        },
        context,
      );
    },
  };
}
