import { z } from 'zod';

/**
 * What a gate record's decision says about its sequential stop, as `decidePromotion` writes it
 * (`decision.sequential`). Lenient where older or hand-made records differ (no barrier, no cross-check),
 * strict where a reader would be misled (the counts must be numbers).
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

/** A sequential gate's stop as readers show it: the terminal line, the HTML report, the viewer. */
export interface RecordedSequentialStop {
  /** Holdout items the decision spent in the committed order, of at most `maxItems`. */
  readonly itemsSpent: number;
  readonly maxItems: number;
  /** Why it stopped; null when no rule fired yet (an unfinished decision). */
  readonly stoppedBy: 'evidence' | 'futility' | 'cap' | null;
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
 * fixed-n decision or anything that is not a decision. The one reader every report and view uses.
 *
 * @example
 * recordedSequentialStop({ sequential: { itemsSpent: 3, maxItems: 10, stoppedBy: 'cap', eValues: [1, 1.5, 0.75] } })?.stoppedBy;
 * // => 'cap'
 */
export function recordedSequentialStop(decision: unknown): RecordedSequentialStop | null {
  if (typeof decision !== 'object' || decision === null || !('sequential' in decision)) return null;
  const parsed = recordedSequentialSchema.safeParse(decision.sequential);
  if (!parsed.success) return null;
  const threshold = 'threshold' in decision ? recordedNumberSchema.parse(decision.threshold) : null;
  const lift = 'lift' in decision ? recordedLiftSchema.parse(decision.lift) : null;
  return { ...parsed.data, threshold, liftHigh: lift?.high ?? null };
}
