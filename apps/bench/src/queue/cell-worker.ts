import type { CellJob, DeadCell, TakenCell } from '@ratchet/queue';
import { abandonedCellRecord, cellToRunNow, RunInfraPause, runPlannedCell } from '@ratchet/runtime';
import type { PreparedRun, PreparedRuns } from './prepared-runs';
import { type QueuedRun, queuedRunSchema } from './queued-run';
import { runSpendUsd } from './run-spend';
import { WorkerMismatchError } from './worker-mismatch-error';

export interface CellWorkerEvents {
  /** One line for the worker's log. */
  log(line: string): void;
  /** An error after which this worker must take no more cells (a mismatched build, a run-wide infra failure). */
  stop(reason: string, exitCode: number): void;
}

/**
 * What a `ratchet worker` does with each job: runs the cell it names and records it, once. A cell
 * already recorded (a delivery repeated after a worker died) is not run again; its try is counted
 * from the corpus, so a try a killed worker left half-done is kept, never overwritten. A cell that
 * failed on every delivery is recorded as `infra` from the dead-letter queue.
 */
export function cellWorker(runs: PreparedRuns, events: CellWorkerEvents) {
  return {
    async run({ job, delivery }: TakenCell): Promise<void> {
      const spec = queuedRun(job);
      let run: PreparedRun;
      try {
        run = await runs.get(spec);
      } catch (error) {
        if (WorkerMismatchError.isInstance(error)) events.stop(error.message, 2);
        throw error;
      }
      const planned = plannedCell(run, job);
      if (spec.spendCap !== null) {
        const spent = await runSpendUsd(run.corpus, spec.runId);
        if (spent === null || spent - spec.spendCap.baselineUsd >= spec.spendCap.usd) {
          events.log(`skip ${job.cellId}: the run's spend cap ($${spec.spendCap.usd}) is reached`);
          return;
        }
      }
      const cell = await cellToRunNow(run.corpus, spec.runId, planned, job.redoTry);
      if (cell === null) {
        events.log(`skip ${job.cellId}: already recorded (delivery ${delivery})`);
        return;
      }
      const started = Date.now();
      try {
        const { cell: record } = await runPlannedCell(run.plan, cell, run.options, run.context);
        const outcome =
          record.status === 'infra'
            ? 'infra'
            : record.verdict === null
              ? 'unjudged'
              : record.verdict.resolved
                ? 'resolved'
                : 'failed';
        events.log(
          `${outcome.padEnd(8)} ${job.cellId} (try ${cell.tryNumber}, delivery ${delivery}, ${((Date.now() - started) / 1000).toFixed(1)} s)`,
        );
      } catch (error) {
        if (RunInfraPause.isPause(error)) {
          events.stop(
            `paused: ${error.message}. Fix it, then start the worker again; the cell goes back to the queue`,
            1,
          );
        }
        throw error;
      }
    },

    async dead({ job, deliveries, error }: DeadCell): Promise<void> {
      const spec = queuedRun(job);
      const run = await runs.get(spec);
      const cell = await cellToRunNow(run.corpus, spec.runId, plannedCell(run, job), job.redoTry);
      if (cell === null) return;
      const reason = `the cell failed on all ${deliveries} deliveries to workers; the last: ${error}`;
      await run.context.writer.write(
        abandonedCellRecord(run.plan, cell, { error: reason, deliveries }, run.context.now),
      );
      events.log(`infra    ${job.cellId}: ${reason}`);
    },
  };
}

function queuedRun(job: CellJob): QueuedRun {
  const parsed = queuedRunSchema.safeParse(job.run);
  if (!parsed.success) {
    throw new WorkerMismatchError(
      job.runId,
      `the job's run is not one this Ratchet version reads (${parsed.error.issues[0]?.path.join('.')})`,
    );
  }
  return parsed.data;
}

function plannedCell(run: PreparedRun, job: CellJob) {
  const planned = run.cell(job.armId, job.taskId, job.replicate);
  if (planned === undefined) {
    throw new WorkerMismatchError(job.runId, `its plan here has no cell ${job.armId}/${job.taskId}/r${job.replicate}`);
  }
  return planned;
}
