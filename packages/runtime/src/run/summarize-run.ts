import {
  type CellRecord,
  type Corpus,
  type RunManifest,
  type RunRecord,
  type Usage,
  unmeasuredUsage,
} from '@ratchet/corpus';
import { wilsonInterval } from '@ratchet/stats';
import { sumUsage } from '../harness/sum-usage';
import { type ComputeCheck, type ComputeInput, computeChecks } from './compute-flags';
import { adjustWithinFamilies, type MeasuredContrast, pairedContrast } from './paired-contrast';
import { controlArmOf, type PlannedContrast, plannedContrasts } from './planned-contrasts';
import { type FailureTally, tallyAttempts } from './tally-attempts';
import { unresolvedReasons } from './unresolved-reasons';

export type StopReason = NonNullable<RunManifest['stopReason']>;

export interface ArmSummary {
  armId: string;
  strategy: string;
  k: number;
  /** Recorded cells. */
  cells: number;
  /** Cells the harness failed on: excluded from success rates and contrasts, counted here. */
  infraCells: number;
  /** Non-infra cells without a verdict. */
  unjudgedCells: number;
  resolved: number;
  /** Resolved share of judged, non-infra cells, with a Wilson interval; null when there are none. */
  successRate: { estimate: number; low: number; high: number } | null;
  /** The oracle upper bound (best verdict over all attempts), never the result. */
  oracleRate: number | null;
  /** Everything the arm paid for: its recorded cells and the attempts of tries that did not finish. */
  spend: Usage;
  /**
   * The part of `spend` from tries that gave no result: killed before their cell was recorded, or
   * infra cells a later try replaced (`--retry-infra`; their analyst calls included).
   */
  unfinished: { attempts: number; spend: Usage | null };
  /** Attempts in recorded cells. */
  attempts: number;
  /** How the arm's agents failed, by reason (a broken agent command shows as one reason everywhere). */
  failures: FailureTally;
  /** Judged cells that were not resolved, by the judge's reason (`details.reason`), for the report. */
  unresolvedReasons: Record<string, number>;
  analystCalls: number;
  /** Equal compute against the control, figure by figure (measured or not). */
  computeChecks: ComputeCheck[];
  /** The figures that differ from the control's beyond the tolerance, as sentences. */
  computeFlags: string[];
}

export interface ContrastSummary extends PlannedContrast, MeasuredContrast {}

export interface RunSummary {
  runId: string;
  /**
   * Set for a retry of another run's failed cells: every rate is conditional on failure there (not an
   * estimate of any arm's rate), and `contrasts` is empty.
   */
  retryOf: { runId: string; cells: 'failed'; selected: number } | null;
  status: RunManifest['status'];
  /** Why the run stopped; null while it runs, or when its process died without saying. */
  stopReason: StopReason | null;
  /** The stop reason in a sentence, when it needs one (the infra failure that paused the run). */
  stopDetail: string | null;
  /** Cells the run planned (null for runs recorded before plans were) and cells recorded. */
  cells: { planned: number | null; recorded: number };
  /** The equal-compute control every arm's spend is checked against. */
  control: string;
  /** What the worker's work units count, when it reports them. */
  workUnit: string | null;
  arms: ArmSummary[];
  contrasts: ContrastSummary[];
}

const noFailures: FailureTally = { attempts: 0, byReason: {}, sample: null };

function summarizeArm(
  arm: RunManifest['arms'][number],
  cells: CellRecord[],
  unfinished: RunRecord[],
  failures: FailureTally,
) {
  const ok = cells.filter((cell) => cell.status === 'ok');
  const judged = ok.filter((cell) => cell.verdict !== null);
  const resolved = judged.filter((cell) => cell.verdict?.resolved).length;
  const interval = judged.length > 0 ? wilsonInterval(resolved, judged.length) : null;
  const oracle = judged.filter((cell) => cell.oracle !== null);
  const cellSpend = sumUsage(cells.map((cell) => cell.spend));
  const attempts = cells.reduce((sum, cell) => sum + cell.attempts, 0);
  const superseded = cells.flatMap((cell) => cell.supersedes ?? []);
  const wasted = [...unfinished.map((record) => record.usage), ...superseded.map((cell) => cell.spend)];
  const unfinishedSpend = wasted.length > 0 ? sumUsage(wasted) : null;
  // An arm with nothing recorded has spent an unknown amount, never a measured $0 (docs/design.md rule 5).
  const spend =
    cells.length === 0 && unfinishedSpend === null
      ? unmeasuredUsage
      : sumUsage([cellSpend, ...(unfinishedSpend ? [unfinishedSpend] : [])]);
  return {
    summary: {
      armId: arm.armId,
      strategy: arm.strategy,
      k: arm.k,
      cells: cells.length,
      infraCells: cells.length - ok.length,
      unjudgedCells: ok.length - judged.length,
      resolved,
      successRate: interval ? { estimate: interval.estimate, low: interval.low, high: interval.high } : null,
      oracleRate:
        oracle.length > 0 ? oracle.filter((cell) => cell.oracle?.verdict.resolved).length / oracle.length : null,
      spend,
      unfinished: {
        attempts: unfinished.length + superseded.reduce((sum, cell) => sum + cell.attempts, 0),
        spend: unfinishedSpend,
      },
      attempts,
      failures,
      unresolvedReasons: unresolvedReasons(judged),
      analystCalls: cells.reduce((sum, cell) => sum + cell.analystCalls, 0),
    },
    compute: { armId: arm.armId, k: arm.k, cells: cells.length, attempts, cellSpend } satisfies ComputeInput,
  };
}

/**
 * Reads a run back from the corpus: per-arm outcomes and spend (tries that did not finish included
 * and shown apart), equal compute figure by figure, and the planned contrasts (paired by task; McNemar
 * exact for pass/fail below 20 pairs, else a seeded bootstrap), BH-corrected within each family.
 */
export async function summarizeRun(
  corpus: Corpus,
  manifest: RunManifest,
  options: { tolerance?: number; seed?: string } = {},
): Promise<RunSummary> {
  const cells = await corpus.cells({ runId: manifest.runId });
  const byArm = new Map<string, CellRecord[]>(manifest.arms.map((arm) => [arm.armId, []]));
  for (const cell of cells) byArm.get(cell.armId)?.push(cell);
  const tallies = await tallyAttempts(corpus, manifest.runId, cells);
  const measured = manifest.arms.map((arm) => {
    const tally = tallies.get(arm.armId);
    return summarizeArm(arm, byArm.get(arm.armId) ?? [], tally?.unfinished ?? [], tally?.failures ?? noFailures);
  });
  const control = controlArmOf(manifest);
  const controlCompute = measured.find((arm) => arm.summary.armId === control)?.compute;
  const arms: ArmSummary[] = measured.map(({ summary, compute }) => {
    const { checks, flags } = computeChecks(compute, controlCompute, options.tolerance ?? 0.1);
    return { ...summary, computeChecks: checks, computeFlags: flags };
  });

  const seed = options.seed ?? manifest.seed;
  const contrasts: ContrastSummary[] = [];
  // Cells chosen because they failed say nothing about an arm's rate: no contrast is measured on them.
  const measurable = manifest.retryOf === undefined ? plannedContrasts(manifest) : [];
  for (const planned of measurable) {
    const result = await pairedContrast(
      corpus,
      { runId: manifest.runId, armId: planned.baseline },
      { runId: manifest.runId, armId: planned.candidate },
      `${seed}/contrast/${planned.name}`,
    );
    contrasts.push({ ...planned, ...result });
  }
  adjustWithinFamilies(contrasts);
  return {
    runId: manifest.runId,
    retryOf: manifest.retryOf ?? null,
    status: manifest.status,
    stopReason: manifest.stopReason,
    stopDetail: manifest.stopDetail ?? null,
    cells: { planned: manifest.plannedCells, recorded: cells.length },
    control,
    workUnit: manifest.worker.workUnit ?? null,
    arms,
    contrasts,
  };
}
