import type { CellRecord, Corpus, JsonValue, ObjectiveSpec, OptimizationRecord } from '@ratchet/corpus';
import { type ScoreMatrix, type TaskScores, taskObjectives } from '@ratchet/optimizer';

/** The evaluation key a run was recorded under (`config.user.evaluationKey`), if it is an optimizer's run. */
function evaluationKeyOf(config: JsonValue): string | null {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) return null;
  const user = config.user;
  if (typeof user !== 'object' || user === null || Array.isArray(user)) return null;
  return typeof user.evaluationKey === 'string' ? user.evaluationKey : null;
}

/**
 * The val score matrix of an optimization's candidates, rebuilt from the corpus as the search read it:
 * the val cells of each candidate under the search's evaluation key — its own runs' and any other
 * search's with the same key (the shared cell cache) — the first run in id order winning a (task,
 * replicate), replicates averaged per task. Holdout cells are never read.
 */
export async function optimizationValMatrix(
  corpus: Corpus,
  optimization: OptimizationRecord,
  candidates: readonly string[],
  val: readonly string[],
  replicates: number,
): Promise<ScoreMatrix> {
  const runs = await corpus.runs({ benchmark: optimization.benchmark });
  const own = runs.find((run) => run.runId.startsWith(`${optimization.optimizationId}/`));
  const key = own ? evaluationKeyOf(own.config) : null;
  const matrix = new Map<string, Map<string, TaskScores>>();
  if (key === null) return matrix;
  const wanted = new Set(candidates);
  const tasks = new Set(val);
  const chosen = new Map<string, CellRecord>();
  const keyed = runs.filter((run) => evaluationKeyOf(run.config) === key).map((run) => run.runId);
  for (const runId of keyed.sort()) {
    for (const cell of await corpus.cells({ runId })) {
      if (cell.split !== 'val' || !wanted.has(cell.armId) || !tasks.has(cell.taskId) || cell.replicate >= replicates)
        continue;
      const slot = `${cell.armId}\u0000${cell.taskId}\u0000${cell.replicate}`;
      if (!chosen.has(slot)) chosen.set(slot, cell);
    }
  }
  const grouped = new Map<string, Map<string, CellRecord[]>>();
  for (const cell of chosen.values()) {
    const byTask = grouped.get(cell.armId) ?? new Map<string, CellRecord[]>();
    byTask.set(cell.taskId, [...(byTask.get(cell.taskId) ?? []), cell]);
    grouped.set(cell.armId, byTask);
  }
  for (const hash of candidates) {
    const byTask = grouped.get(hash);
    if (!byTask) continue;
    const scores = new Map<string, TaskScores>();
    for (const taskId of val) {
      const cells = byTask.get(taskId);
      if (cells) scores.set(taskId, taskObjectives(cells, optimization.objectives as ObjectiveSpec[]));
    }
    matrix.set(hash, scores);
  }
  return matrix;
}
