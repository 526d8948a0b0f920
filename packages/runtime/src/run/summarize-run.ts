import type { CellRecord, Corpus, RunManifest, Usage } from '@ratchet/corpus';
import { wilsonInterval } from '@ratchet/stats';
import { sumUsage } from '../harness/sum-usage';
import { computeFlags } from './compute-flags';
import { adjustWithinFamilies, pairedContrast } from './paired-contrast';

export interface ArmSummary {
  armId: string;
  strategy: string;
  k: number;
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
  spend: Usage;
  attempts: number;
  analystCalls: number;
  /** Spend per cell that differs from the equal-compute control's by more than the tolerance. */
  computeFlags: string[];
}

export interface ContrastSummary {
  name: string;
  family: 'primary' | 'exploratory';
  baseline: string;
  candidate: string;
  /** Paired tasks used. */
  n: number;
  estimate: number | null;
  low: number | null;
  high: number | null;
  pValue: number | null;
  /** BH-adjusted within the family. */
  qValue: number | null;
  excluded: { infra: number; unmeasured: number; unpaired: number };
}

export interface RunSummary {
  runId: string;
  status: RunManifest['status'];
  stopReason: 'completed' | 'signal' | 'spend-cap';
  arms: ArmSummary[];
  contrasts: ContrastSummary[];
}

function summarizeArm(arm: RunManifest['arms'][number], cells: CellRecord[]): Omit<ArmSummary, 'computeFlags'> {
  const ok = cells.filter((cell) => cell.status === 'ok');
  const judged = ok.filter((cell) => cell.verdict !== null);
  const resolved = judged.filter((cell) => cell.verdict?.resolved).length;
  const interval = judged.length > 0 ? wilsonInterval(resolved, judged.length) : null;
  const oracle = judged.filter((cell) => cell.oracle !== null);
  return {
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
    spend: sumUsage(cells.map((cell) => cell.spend)),
    attempts: cells.reduce((sum, cell) => sum + cell.attempts, 0),
    analystCalls: cells.reduce((sum, cell) => sum + cell.analystCalls, 0),
  };
}

/** The contrasts to report: the primary one, then every other arm against its equal-compute control. */
function plannedContrasts(manifest: RunManifest) {
  const { primaryContrast } = manifest;
  const planned: Array<{ name: string; baseline: string; candidate: string; family: ContrastSummary['family'] }> = [
    { ...primaryContrast, family: 'primary' },
  ];
  const control = manifest.arms.find((arm) => arm.armId === primaryContrast.baseline);
  for (const arm of manifest.arms) {
    if (!control || arm.armId === control.armId || arm.armId === primaryContrast.candidate) continue;
    const [baseline, candidate] =
      arm.k === 1 && control.k > 1 ? [arm.armId, control.armId] : [control.armId, arm.armId];
    planned.push({ name: `${candidate} − ${baseline}`, baseline, candidate, family: 'exploratory' as const });
  }
  return planned;
}

/** Why a recorded run stopped, as `runBenchmark` noted it in the manifest. */
export function stopReasonOf(manifest: RunManifest): RunSummary['stopReason'] {
  const noted = /stopReason=(completed|signal|spend-cap)/.exec(manifest.notes ?? '')?.[1];
  if (noted) return noted as RunSummary['stopReason'];
  return manifest.status === 'completed' ? 'completed' : 'signal';
}

/**
 * Reads a run back from the corpus: per-arm outcomes and spend, equal-compute flags, and the
 * contrasts (paired by task, seeded bootstrap), BH-corrected within the primary and exploratory families.
 */
export async function summarizeRun(
  corpus: Corpus,
  manifest: RunManifest,
  options: { stopReason: RunSummary['stopReason']; tolerance: number; seed: string },
): Promise<RunSummary> {
  const cells = await corpus.cells({ runId: manifest.runId });
  const byArm = new Map<string, CellRecord[]>(manifest.arms.map((arm) => [arm.armId, []]));
  for (const cell of cells) byArm.get(cell.armId)?.push(cell);
  const arms = manifest.arms.map((arm) => summarizeArm(arm, byArm.get(arm.armId) ?? []));
  const flagged = computeFlags(arms, manifest.primaryContrast.baseline, options.tolerance);

  const contrasts: ContrastSummary[] = [];
  for (const planned of plannedContrasts(manifest)) {
    const measured = await pairedContrast(
      corpus,
      { runId: manifest.runId, armId: planned.baseline },
      { runId: manifest.runId, armId: planned.candidate },
      `${options.seed}/contrast/${planned.name}`,
    );
    contrasts.push({ ...planned, ...measured });
  }
  adjustWithinFamilies(contrasts);
  return { runId: manifest.runId, status: manifest.status, stopReason: options.stopReason, arms: flagged, contrasts };
}
