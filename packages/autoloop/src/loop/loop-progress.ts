import type { Decision, GatedScore } from '../autoloop-types';
import type { StopVerdict } from './stop-rules';

/** What the loop reports after each iteration, for the terminal. */
export interface LoopProgress {
  readonly iteration: number;
  readonly decision: Decision;
  /** False for an iteration cut short by the signal: it is run again on resume. */
  readonly counted: boolean;
  readonly score: GatedScore | null;
  readonly spendUsd: number | null;
  readonly totalCostUsd: number;
  readonly maxCostUsd: number | null;
  readonly iterationsCompleted: number;
  readonly maxIterations: number;
  readonly plateauCounter: number;
  readonly plateauWindow: number;
  readonly consecutiveErrors: number;
  readonly maxConsecutiveErrors: number;
  readonly stop: StopVerdict | null;
}

const signed = (value: number): string => `${value >= 0 ? '+' : ''}${value.toFixed(3)}`;

/**
 * One terminal line: decision, gated estimate with CI, spend against the cap, the stop-rule counters.
 *
 * @example
 * formatLoopProgress(p); // => 'iteration 2/5 keep  lift +0.041 [+0.012, +0.070]  spend $1.20 of $50.00  plateau 0/3  errors 0/3'
 */
export function formatLoopProgress(p: LoopProgress): string {
  const lift =
    p.score === null
      ? 'no gated lift'
      : `lift ${signed(p.score.estimate)} [${signed(p.score.low)}, ${signed(p.score.high)}]`;
  const cap = p.maxCostUsd === null ? 'no cap' : `$${p.maxCostUsd.toFixed(2)}`;
  const parts = [
    `iteration ${p.iteration}/${p.maxIterations} ${p.decision}${p.counted ? '' : ' (interrupted, not counted)'}`,
    lift,
    `spend $${p.totalCostUsd.toFixed(2)} of ${cap}${p.spendUsd === null && p.decision !== 'error' ? ' (this iteration not metered)' : ''}`,
    `plateau ${p.plateauCounter}/${p.plateauWindow}`,
    `errors ${p.consecutiveErrors}/${p.maxConsecutiveErrors}`,
  ];
  if (p.stop !== null) parts.push(`stop: ${p.stop.reason}`);
  return parts.join('  ');
}
