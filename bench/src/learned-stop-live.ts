import type { Corpus } from '@ratchet/corpus';
import { replayStop, type StopPolicy, withStopPolicy } from '@ratchet/optimizer';
import { type Controller, type FamilyInstance, refine, runBenchmark, type Task } from '@ratchet/runtime';
import { stopK } from './learned-stop-training';

/** One live arm's cell per task. */
export interface LiveCell {
  readonly solved: 0 | 1;
  readonly attempts: number;
  readonly workUnits: number;
}

export type LiveArm = ReadonlyMap<string, LiveCell>;

export interface LiveRuns {
  /** refine@4 with the family's controller and its own stop (a check pass). */
  readonly base: LiveArm;
  /** refine@k′ of the same, k′ = 1, 2, 3 (index k′ − 1), for the matched-compute control. */
  readonly shorter: readonly LiveArm[];
  /** refine@4 with each learned stop policy added to the controller's own stop, by label. */
  readonly learned: ReadonlyMap<string, LiveArm>;
  /** Per learned policy: cells where its replay on the base run gave the live attempts and outcome. */
  readonly replayAgrees: ReadonlyMap<string, { agree: number; of: number }>;
  readonly excluded: number;
}

/**
 * Runs every arm live on the same fresh tasks, each in a run of its own with the same arm id and seed:
 * the cell of a task then has the same attempt seeds in every run, so an arm that stops earlier gets a
 * prefix of the base cell (common random numbers; the paired differences are the policies' alone).
 * Cells that are not `ok` or have no verdict are dropped from every arm (counted in `excluded`).
 */
export async function runLive(input: {
  readonly corpus: Corpus;
  readonly family: string;
  readonly instance: FamilyInstance;
  readonly tasks: readonly Task[];
  readonly policies: ReadonlyMap<string, StopPolicy>;
  readonly onProgress: (message: string) => void;
}): Promise<LiveRuns> {
  const base = input.instance.controller('refine');
  const seed = `bench/learned-stop/eval/${input.family}`;
  const run = async (label: string, controller: Controller, k: number, oracle: boolean) => {
    const runId = `eval/${input.family}/${label}`;
    await runBenchmark({
      ...input.instance,
      corpus: input.corpus,
      tasks: input.tasks,
      runId,
      benchmark: `eval-${input.family}`,
      seed,
      concurrency: 4,
      oracle,
      arms: [{ id: 'refine', ...refine(k, { controller }) }],
      primaryContrast: { name: 'live', baseline: 'refine', candidate: 'refine' },
      onProgress: ({ cellsDone, cellsTotal }) =>
        input.onProgress(`learned-stop: ${input.family} ${label} ${cellsDone}/${cellsTotal} cells`),
    });
    const cells = new Map<string, LiveCell | null>();
    for (const cell of await input.corpus.cells({ runId })) {
      cells.set(
        cell.taskId,
        cell.status !== 'ok' || cell.verdict === null
          ? null
          : {
              solved: cell.verdict.resolved ? 1 : 0,
              attempts: cell.attempts,
              workUnits: cell.spend.workUnits ?? Number.NaN,
            },
      );
    }
    return { runId, cells };
  };
  // The base judges every attempt, so each learned policy can also be replayed on it.
  const baseRun = await run(`refine@${stopK}`, base, stopK, true);
  const shorterRuns = [];
  for (let k = 1; k < stopK; k++) shorterRuns.push(await run(`refine@${k}`, base, k, false));
  const learnedRuns = new Map<string, Awaited<ReturnType<typeof run>>>();
  const replayAgrees = new Map<string, { agree: number; of: number }>();
  for (const [label, policy] of input.policies) {
    const live = await run(label, withStopPolicy(base, policy), stopK, false);
    learnedRuns.set(label, live);
    const replay = await replayStop(input.corpus, { runId: baseRun.runId, armId: 'refine', policy });
    const agree = replay.cells.filter((cell) => {
      const one = live.cells.get(cell.taskId);
      return one != null && cell.attempts === one.attempts && (cell.resolved ? 1 : 0) === one.solved;
    }).length;
    replayAgrees.set(label, { agree, of: replay.cells.length });
  }
  const all = [baseRun, ...shorterRuns, ...learnedRuns.values()];
  const usable = input.tasks
    .map((task) => task.id)
    .filter((id) => all.every((one) => one.cells.get(id) != null && Number.isFinite(one.cells.get(id)?.workUnits)));
  const keep = (cells: ReadonlyMap<string, LiveCell | null>): LiveArm =>
    new Map(usable.map((id) => [id, cells.get(id) as LiveCell]));
  return {
    base: keep(baseRun.cells),
    shorter: shorterRuns.map((one) => keep(one.cells)),
    learned: new Map([...learnedRuns].map(([label, one]) => [label, keep(one.cells)])),
    replayAgrees,
    excluded: input.tasks.length - usable.length,
  };
}
