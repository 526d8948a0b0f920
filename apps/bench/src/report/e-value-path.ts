import { type RecordedSequentialStop, recordedSequentialStop } from '@ratchet/corpus';
import type { StoppedBy } from '@ratchet/stats';

/** The points of an e-value path shown: enough to see its shape on one line. */
const shown = 6;

/** A sequential gate's stop as the reports show it: the terminal line, the HTML chart and its table. */
export type SequentialPath = RecordedSequentialStop;

/** The sequential stop of a decision, or null for a fixed-n one (`recordedSequentialStop` from the corpus). */
export const sequentialPathOf = recordedSequentialStop;

/** Why it stopped, in words: `stopped by evidence`, `stopped for futility`, `stopped at the cap`. */
export function stoppedByText(stoppedBy: StoppedBy | null): string {
  switch (stoppedBy) {
    case 'evidence':
      return 'stopped by evidence';
    case 'futility':
      return 'stopped for futility';
    case 'cap':
      return 'stopped at the cap';
    default:
      return 'not stopped yet';
  }
}

/**
 * One line on how a sequential gate stopped, read from a decision (typed, or the JSON of a gate record):
 * `stopped by evidence after 37 of 200 items · e-value 1.00 → 2.00 → 8.00 → 41.3 (1/α = 40)`, the path
 * sampled at up to six evenly spaced pairs, the last always shown. Null for a fixed-n decision.
 *
 * @example
 * eValuePathLine({ sequential: { itemsSpent: 3, maxItems: 10, stoppedBy: 'cap', eValues: [1, 1.5, 0.75], barrier: 40 } });
 * // => 'stopped at the cap after 3 of 10 items · e-value 1.00 → 1.50 → 0.750 (1/α = 40)'
 */
export function eValuePathLine(decision: unknown): string | null {
  const sequential = sequentialPathOf(decision);
  if (sequential === null) return null;
  const path = sequential.eValues.filter((value): value is number => value !== null);
  const picks =
    path.length <= shown
      ? path
      : Array.from({ length: shown }, (_, i) => path[Math.round((i * (path.length - 1)) / (shown - 1))] as number);
  const level = sequential.barrier === null ? '' : ` (1/α = ${Math.round(sequential.barrier)})`;
  const values = picks.length === 0 ? 'no pair yet' : picks.map(formatEValue).join(' → ');
  return `${stoppedByText(sequential.stoppedBy)} after ${sequential.itemsSpent} of ${sequential.maxItems} items · e-value ${values}${level}`;
}

/** An e-value to three significant figures, in exponent form from 100,000 on. */
export function formatEValue(value: number): string {
  if (!Number.isFinite(value)) return '∞';
  return value >= 1e5 ? value.toExponential(1) : value.toPrecision(3);
}
