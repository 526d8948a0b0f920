import type { ArmSummary } from './summarize-run';

type Measured = Omit<ArmSummary, 'computeFlags'>;

function perCell(arm: Measured) {
  const cells = Math.max(arm.cells, 1);
  const tokens =
    arm.spend.tokensIn === null || arm.spend.tokensOut === null ? null : arm.spend.tokensIn + arm.spend.tokensOut;
  return {
    attempts: arm.attempts / cells,
    usd: arm.spend.usd === null ? null : arm.spend.usd / cells,
    tokens: tokens === null ? null : tokens / cells,
    wallMs: arm.spend.wallMs === null ? null : arm.spend.wallMs / cells,
  };
}

/**
 * Equal compute (DESIGN rule 3): flags every arm at the control's k whose spend per cell — attempts,
 * dollars, tokens, wall time — differs from the control's by more than `tolerance` (a share). Arms at
 * another k are not comparable at equal compute and are flagged as such.
 */
export function computeFlags(arms: readonly Measured[], controlId: string, tolerance: number): ArmSummary[] {
  const control = arms.find((arm) => arm.armId === controlId);
  return arms.map((arm) => {
    const flags: string[] = [];
    if (control && arm.armId !== control.armId) {
      if (arm.k !== control.k) {
        flags.push(`k = ${arm.k}, not the control's ${control.k}: not an equal-compute comparison`);
      } else {
        const mine = perCell(arm);
        const theirs = perCell(control);
        for (const figure of ['attempts', 'usd', 'tokens', 'wallMs'] as const) {
          const a = mine[figure];
          const b = theirs[figure];
          if (a === null || b === null || b === 0) continue;
          const change = a / b - 1;
          if (Math.abs(change) > tolerance) {
            flags.push(`${figure} per cell ${change > 0 ? '+' : ''}${(100 * change).toFixed(0)}% vs ${control.armId}`);
          }
        }
      }
    }
    return { ...arm, computeFlags: flags };
  });
}
