import { InvalidInputError } from './invalid-input-error';
import { UnpairedDataError } from './unpaired-data-error';

/** Outcomes per task id; `null` means the arm produced no outcome for that task (it failed to run). */
export type TaskOutcomes = ReadonlyMap<string, number | null> | Readonly<Record<string, number | null>>;

export interface AlignedOutcomes {
  incumbent: Float64Array;
  candidate: Float64Array;
  taskIds: string[];
  /** Tasks where the candidate failed to run and was scored `failureScore`. */
  candidateFailures: string[];
  /** Tasks left out because the incumbent has no outcome. */
  excluded: string[];
}

function lookup(outcomes: TaskOutcomes, taskId: string): number | null | undefined {
  if (outcomes instanceof Map) return outcomes.has(taskId) ? (outcomes.get(taskId) as number | null) : undefined;
  return Object.hasOwn(outcomes, taskId) ? (outcomes as Record<string, number | null>)[taskId] : undefined;
}

function keys(outcomes: TaskOutcomes): string[] {
  return outcomes instanceof Map ? [...outcomes.keys()] : Object.keys(outcomes);
}

/**
 * Lines two arms' outcomes up on `taskIds`. Refuses what does not pair (a duplicate task id, a task
 * missing from either arm, an outcome for a task outside the list, a non-finite score) instead of
 * dropping it. A candidate `null` scores `failureScore` (it loses the item); an incumbent `null`
 * excludes the pair, and the exclusion is reported.
 */
export function alignOutcomes(
  functionName: string,
  incumbent: TaskOutcomes,
  candidate: TaskOutcomes,
  taskIds: readonly string[],
  failureScore: number,
): AlignedOutcomes {
  if (taskIds.length === 0) {
    throw new InvalidInputError({
      functionName,
      parameter: 'taskIds',
      problem: 'is empty: there is nothing to decide on',
    });
  }
  const listed = new Set<string>();
  for (const taskId of taskIds) {
    if (listed.has(taskId))
      throw new UnpairedDataError({ functionName, problem: 'taskIds lists a task twice', taskId });
    listed.add(taskId);
  }
  for (const [arm, outcomes] of [
    ['incumbent', incumbent],
    ['candidate', candidate],
  ] as const) {
    for (const taskId of keys(outcomes)) {
      if (!listed.has(taskId)) {
        throw new UnpairedDataError({
          functionName,
          problem: `${arm} has an outcome for a task not in taskIds`,
          taskId,
        });
      }
    }
  }
  const aligned: AlignedOutcomes = {
    incumbent: new Float64Array(taskIds.length),
    candidate: new Float64Array(taskIds.length),
    taskIds: [],
    candidateFailures: [],
    excluded: [],
  };
  let size = 0;
  for (const taskId of taskIds) {
    const before = lookup(incumbent, taskId);
    const after = lookup(candidate, taskId);
    if (before === undefined || after === undefined) {
      const arm = before === undefined ? 'incumbent' : 'candidate';
      throw new UnpairedDataError({
        functionName,
        problem: `${arm} has no entry for a listed task (use null for a failed run)`,
        taskId,
      });
    }
    for (const [arm, value] of [
      ['incumbent', before],
      ['candidate', after],
    ] as const) {
      if (value !== null && !Number.isFinite(value)) {
        throw new UnpairedDataError({
          functionName,
          problem: `${arm} outcome must be a finite number or null, received ${value}`,
          taskId,
        });
      }
    }
    if (before === null) {
      aligned.excluded.push(taskId);
      continue;
    }
    if (after === null) aligned.candidateFailures.push(taskId);
    aligned.incumbent[size] = before;
    aligned.candidate[size] = after ?? failureScore;
    aligned.taskIds.push(taskId);
    size++;
  }
  aligned.incumbent = aligned.incumbent.subarray(0, size);
  aligned.candidate = aligned.candidate.subarray(0, size);
  return aligned;
}
