import type { ArmSummary, ComputeFigure, RunSummary } from '@ratchet/runtime';

const names: Record<ComputeFigure, string> = {
  attempts: 'attempts',
  workUnits: 'work units',
  usd: 'dollars',
  tokens: 'tokens',
  wallMs: 'wall time',
};

function figureName(figure: ComputeFigure, workUnit: string | null): string {
  return figure === 'workUnits' && workUnit ? `work units (${workUnit})` : names[figure];
}

/**
 * Equal compute (docs/design.md rule 3) in sentences, per arm against the control: what differs beyond the
 * tolerance, what is within it, and what was not measured — never an all-clear for a figure nobody
 * measured.
 */
export function equalComputeLines(summary: Pick<RunSummary, 'arms' | 'control' | 'workUnit'>): string[] {
  const lines: string[] = [];
  for (const arm of summary.arms) {
    if (arm.armId === summary.control) continue;
    lines.push(`${arm.armId}: ${armLine(arm, summary.workUnit)}`);
  }
  return lines;
}

function signed(change: number | null): string {
  if (change === null) return '';
  if (!Number.isFinite(change)) return ' (the control spent none)';
  return ` ${change > 0 ? '+' : '−'}${Math.abs(100 * change).toFixed(0)}%`;
}

function armLine(arm: ArmSummary, workUnit: string | null): string {
  if (arm.computeChecks.length === 0) return arm.computeFlags.join('; ') || 'not compared';
  const by = (status: string) =>
    arm.computeChecks.filter((check) => check.status === status).map((check) => figureName(check.figure, workUnit));
  const parts: string[] = [];
  const differs = arm.computeChecks.filter((check) => check.status === 'differs');
  if (differs.length > 0) {
    parts.push(
      `differs: ${differs.map((check) => `${figureName(check.figure, workUnit)}${signed(check.change)}`).join(', ')}`,
    );
  }
  const within = by('within');
  if (within.length > 0) parts.push(`within tolerance: ${within.join(', ')}`);
  const unmeasured = by('not-measured');
  if (unmeasured.length > 0) parts.push(`not measured: ${unmeasured.join(', ')}`);
  return parts.join('; ');
}
