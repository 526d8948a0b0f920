import { openCorpus } from '@ratchet/corpus';
import { type Controller, type FamilyInstance, runBenchmark, type StrategyPlan, type Task } from '@ratchet/runtime';

/** Per task: 1 solved, 0 not, null when the cell is no outcome (infra, or no verdict). */
export type TaskOutcomes = ReadonlyMap<string, 0 | 1 | null>;

/**
 * Runs each distinct controller (by hash) once on the holdout tasks, in a corpus of its own, and reads
 * whether each task was solved. This is measurement for the benchmark table, not a gate: no decision
 * is taken and no ledger entry is written. The arm id is the controller's hash, so two methods that
 * picked the same controller get the same cells, as the optimizer's own evaluations do.
 */
export async function holdoutOutcomes(
  family: FamilyInstance,
  plan: (controller: Controller) => StrategyPlan,
  controllers: readonly Controller[],
  tasks: readonly Task[],
  seed: string,
): Promise<Map<string, TaskOutcomes>> {
  const distinct = [...new Map(controllers.map((controller) => [controller.hash, controller])).values()];
  const corpus = await openCorpus('sqlite::memory:');
  try {
    const first = (distinct[0] as Controller).hash;
    const summary = await runBenchmark({
      environment: family.environment,
      worker: family.worker,
      judge: family.judge,
      analyst: family.analyst,
      corpus,
      tasks,
      arms: distinct.map((controller) => ({ id: controller.hash, ...plan(controller) })),
      primaryContrast: { name: 'holdout', baseline: first, candidate: distinct.at(-1)?.hash ?? first },
      seed,
      concurrency: 4,
      oracle: false,
    });
    const cells = await corpus.cells({ runId: summary.runId });
    const outcomes = new Map(distinct.map((controller) => [controller.hash, new Map<string, 0 | 1 | null>()]));
    for (const cell of cells) {
      const solved = cell.status !== 'ok' || cell.verdict === null ? null : cell.verdict.resolved ? 1 : 0;
      outcomes.get(cell.armId)?.set(cell.taskId, solved);
    }
    return outcomes;
  } finally {
    await corpus.close();
  }
}
