import type { Usage } from '@ratchet/corpus';

/** The figures equal compute is checked on (docs/design.md rule 3). */
export const computeFigures = ['attempts', 'workUnits', 'usd', 'tokens', 'wallMs'] as const;
export type ComputeFigure = (typeof computeFigures)[number];

/** One figure of an arm against the control, per cell: within tolerance, different, or not measured. */
export interface ComputeCheck {
  figure: ComputeFigure;
  status: 'within' | 'differs' | 'not-measured';
  /** The arm's per-cell figure over the control's, minus 1; null when not measured. */
  change: number | null;
}

export interface ComputeInput {
  armId: string;
  k: number;
  /** Finished cells, and their spend (tries that did not finish are not the arm's policy). */
  cells: number;
  attempts: number;
  cellSpend: Usage;
}

function perCell(arm: ComputeInput): Record<ComputeFigure, number | null> {
  const cells = Math.max(arm.cells, 1);
  const spend = arm.cellSpend;
  const tokens = spend.tokensIn === null || spend.tokensOut === null ? null : spend.tokensIn + spend.tokensOut;
  const per = (value: number | null) => (value === null || arm.cells === 0 ? null : value / cells);
  return {
    attempts: arm.cells === 0 ? null : arm.attempts / cells,
    workUnits: per(spend.workUnits),
    usd: per(spend.usd),
    tokens: per(tokens),
    wallMs: per(spend.wallMs),
  };
}

/**
 * Equal compute (docs/design.md rule 3): each figure of an arm at the control's k against the control's, per
 * cell. A figure either side did not measure is `not-measured` — said, never passed over as if it
 * were within tolerance. Arms at another k are not comparable at equal compute.
 */
export function computeChecks(
  arm: ComputeInput,
  control: ComputeInput | undefined,
  tolerance: number,
): { checks: ComputeCheck[]; flags: string[] } {
  if (!control || arm.armId === control.armId) return { checks: [], flags: [] };
  if (arm.k !== control.k) {
    return { checks: [], flags: [`k = ${arm.k}, not the control's ${control.k}: not an equal-compute comparison`] };
  }
  const mine = perCell(arm);
  const theirs = perCell(control);
  const checks: ComputeCheck[] = computeFigures.map((figure) => {
    const a = mine[figure];
    const b = theirs[figure];
    if (a === null || b === null) return { figure, status: 'not-measured', change: null };
    const change = b === 0 ? (a === 0 ? 0 : Number.POSITIVE_INFINITY) : a / b - 1;
    return { figure, status: Math.abs(change) > tolerance ? 'differs' : 'within', change };
  });
  const flags = checks
    .filter((check) => check.status === 'differs')
    .map((check) => {
      const change = check.change as number;
      const shown = Number.isFinite(change)
        ? `${change > 0 ? '+' : ''}${(100 * change).toFixed(0)}%`
        : 'more (control 0)';
      return `${check.figure} per cell ${shown} vs ${control.armId}`;
    });
  return { checks, flags };
}
