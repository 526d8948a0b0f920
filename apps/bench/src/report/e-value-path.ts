import type { StoppedBy } from '@ratchet/stats';
import { z } from 'zod';

/** The points of an e-value path shown: enough to see its shape on one line. */
const shown = 6;

/**
 * What a recorded decision says about its sequential stop. Lenient where older or hand-made records
 * differ (no barrier, no cross-check), strict where a reader would be misled (counts must be numbers).
 */
const recordedSequentialSchema = z.object({
  itemsSpent: z.number(),
  maxItems: z.number(),
  stoppedBy: z.enum(['evidence', 'futility', 'cap']).nullable().catch(null),
  // An e-value past the largest double is written to JSON as null: kept in place, as unknown.
  eValues: z.array(z.unknown()).transform((values) => values.map((v) => (typeof v === 'number' ? v : null))),
  barrier: z.number().nullable().catch(null),
  plugInEValue: z.number().nullable().catch(null),
  eProcess: z.string().nullable().catch(null),
  minEffect: z.number().nullable().catch(null),
});
const recordedNumberSchema = z.number().nullable().catch(null);
const recordedLiftSchema = z.object({ high: recordedNumberSchema }).nullable().catch(null);

/** A sequential gate's stop as the reports show it: the terminal line, the HTML chart and its table. */
export interface SequentialPath {
  readonly itemsSpent: number;
  readonly maxItems: number;
  /** Null: no stopping rule fired yet (an unfinished decision). */
  readonly stoppedBy: StoppedBy | null;
  /** The e-value after each paired item consumed, in the committed order; null where it was not recorded. */
  readonly eValues: readonly (number | null)[];
  /** 1/α, the e-value that promotes; null when the record does not say. */
  readonly barrier: number | null;
  /** The plug-in betting e-process at the stop, the cross-check; null when none was computed. */
  readonly plugInEValue: number | null;
  /** `discordant-mixture` (`discordant-pairs` in gates decided before it), or `hedged-capital`; null when the record does not say. */
  readonly eProcess: string | null;
  readonly minEffect: number | null;
  /** The lift the decision had to clear (the futility bound is threshold + minEffect); null when not recorded. */
  readonly threshold: number | null;
  /** The upper bound on the lift at the stop (futility compares it with threshold + minEffect); null when not recorded. */
  readonly liftHigh: number | null;
}

/**
 * The sequential stop of a decision (typed, or the JSON of a gate record's `decision`); null for a
 * fixed-n decision or anything that is not a decision. The one reader every report uses.
 *
 * @example
 * sequentialPathOf({ sequential: { itemsSpent: 3, maxItems: 10, stoppedBy: 'cap', eValues: [1, 1.5, 0.75] } })?.stoppedBy;
 * // => 'cap'
 */
export function sequentialPathOf(decision: unknown): SequentialPath | null {
  if (typeof decision !== 'object' || decision === null || !('sequential' in decision)) return null;
  const parsed = recordedSequentialSchema.safeParse(decision.sequential);
  if (!parsed.success) return null;
  const threshold = 'threshold' in decision ? recordedNumberSchema.parse(decision.threshold) : null;
  const lift = 'lift' in decision ? recordedLiftSchema.parse(decision.lift) : null;
  return { ...parsed.data, threshold, liftHigh: lift?.high ?? null };
}

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
