import { correctObjective, createVerdict, type Judge } from '@ratchet/judges';
import { countUnsatisfied, parseAssignment, type SatFormula, satFormulaSchema } from './sat-formula';
import { parseSatOptions } from './sat-options-error';

/**
 * Judges a sat output: resolved when the assignment satisfies every clause of the task's formula.
 * Objectives: `correct` (maximized), `unsatisfied` clauses and `flips` used (minimized; flips come
 * from the attempt's metered work units, null when not metered). It checks against the formula, not the
 * planted solution: any satisfying assignment counts.
 *
 * @example
 * (await satJudge().judge({ id: 't', input: { variables: 1, clauses: [[1]] } }, '1')).resolved; // => true
 */
export function satJudge(): Judge {
  const identity = { id: 'sat-judge', version: '1' };
  return {
    ...identity,
    async judge(task, output, context) {
      const formula: SatFormula = parseSatOptions('satJudge task.input', satFormulaSchema, task.input);
      const assignment = parseAssignment(output, formula.variables);
      const flips = context?.usage?.workUnits ?? null;
      const unsatisfied = assignment === null ? null : countUnsatisfied(formula, assignment);
      const resolved = unsatisfied === 0;
      return createVerdict(
        {
          judge: identity,
          resolved,
          scores: {
            correct: correctObjective(resolved),
            unsatisfied: { value: unsatisfied, direction: 'minimize' },
            flips: { value: flips, direction: 'minimize' },
          },
          details: assignment === null ? { reason: 'not-an-assignment', flips } : { unsatisfied, flips },
        },
        context,
      );
    },
  };
}
