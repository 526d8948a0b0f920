import type { ObjectiveSpec, TaskScores } from '../score-matrix';
import { SelectionError } from './selection-error';

/**
 * Checks an objective list: at least one objective, each named once, each with a known direction.
 *
 * @throws {SelectionError} `invalid-objectives`, naming the duplicate or the bad direction.
 */
export function assertObjectives(functionName: string, objectives: readonly ObjectiveSpec[]): void {
  if (objectives.length === 0) {
    throw new SelectionError({
      functionName,
      problem: 'invalid-objectives',
      message: 'objectives is empty; pass at least one, such as [{ name: "success", direction: "maximize" }].',
    });
  }
  const seen = new Set<string>();
  for (const { name, direction } of objectives) {
    if (seen.has(name)) {
      throw new SelectionError({
        functionName,
        problem: 'invalid-objectives',
        message: `objective "${name}" is listed twice; list each objective once.`,
      });
    }
    if (direction !== 'maximize' && direction !== 'minimize') {
      throw new SelectionError({
        functionName,
        problem: 'invalid-objectives',
        message: `objective "${name}" has direction "${String(direction)}"; use "maximize" or "minimize".`,
      });
    }
    seen.add(name);
  }
}

/**
 * One objective's value in a task's scores: the number, or null when it was not measured (absent keys
 * are unmeasured too, never 0).
 *
 * @throws {SelectionError} `invalid-scores` when the value is NaN or infinite, naming where it was.
 */
export function objectiveValue(
  functionName: string,
  scores: TaskScores | undefined,
  objective: string,
  where: string,
): number | null {
  const value = scores !== undefined && Object.hasOwn(scores, objective) ? scores[objective] : null;
  if (value === null || value === undefined) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new SelectionError({
      functionName,
      problem: 'invalid-scores',
      message: `${where}, objective "${objective}" has value ${String(value)}; scores must be finite numbers, or null when not measured.`,
    });
  }
  return value;
}
