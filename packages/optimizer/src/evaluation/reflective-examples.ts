import type { CellRecord, Corpus, ObjectiveSpec } from '@ratchet/corpus';
import type { Task } from '@ratchet/runtime';
import type { ReflectiveAttempt, ReflectiveExample } from '../proposers/proposer';
import type { Scalarization } from '../score-matrix';
import { scalarScore } from '../selection/scalarize';
import { cellObjectives } from './objective-values';

/**
 * The parent's minibatch as a reflective proposer reads it: each task's input (the task view's, never
 * its `expected`), each attempt's steer, output, checks, trace summary and failure, and the cell's
 * scalar score (a train label, docs/design.md rule 1). Verdicts are not copied: their details can name the
 * answer (a target program, hidden tests), so no verdict text reaches a reflection prompt.
 */
export async function reflectiveExamples(
  corpus: Corpus,
  cells: readonly CellRecord[],
  tasks: readonly Task[],
  objectives: readonly ObjectiveSpec[],
  weights: Scalarization,
): Promise<ReflectiveExample[]> {
  const byId = new Map(tasks.map((task) => [task.id, task]));
  const examples: ReflectiveExample[] = [];
  for (const cell of cells) {
    const task = byId.get(cell.taskId);
    if (!task) continue;
    const wanted = new Set(cell.attemptIds);
    const records = (await corpus.records({ runId: cell.runId, armId: cell.armId, taskId: cell.taskId })).filter(
      (record) => wanted.has(record.recordId),
    );
    const attempts: ReflectiveAttempt[] = records.map((record) => ({
      attempt: record.attempt,
      steer: record.steer,
      output: record.output,
      checks: record.checks,
      traceSummary: record.trace.summary.length > 0 ? record.trace.summary : null,
      failure: record.failure ? { reason: record.failure.reason, message: record.failure.message } : null,
    }));
    examples.push({
      taskId: cell.taskId,
      input: task.input as ReflectiveExample['input'],
      attempts,
      score: scalarScore(cellObjectives(cell, objectives), objectives, weights),
    });
  }
  return examples;
}
