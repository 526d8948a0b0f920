import type { GateRecord } from '@ratchet/corpus';
import { z } from 'zod';

/**
 * What a gate record's decision says about its sequential stop, as `decidePromotion` writes it
 * (`decision.sequential`). Lenient where older records differ (no barrier, no cross-check), strict on the
 * counts a reader acts on.
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
});

/** A sequential gate's stop, as the optimization page shows it beside the decision. */
export interface GateSequential {
  /** Holdout items the decision spent in the committed order, of at most `maxItems`. */
  itemsSpent: number;
  maxItems: number;
  /** Items rolled out (whole batches, so possibly more than spent); null when the record does not say. */
  itemsEvaluated: number | null;
  /** Why it stopped; null when no rule fired (an unfinished decision). */
  stoppedBy: 'evidence' | 'futility' | 'cap' | null;
  /** The e-value after each paired item, in the committed order; null where it was not recorded. */
  eValues: Array<number | null>;
  /** 1/α, the e-value that promotes; null when the record does not say. */
  barrier: number | null;
  /** The plug-in betting e-process at the stop, a cross-check; null when none was computed. */
  plugInEValue: number | null;
  /** `discordant-mixture` (`discordant-pairs` in gates decided before it), or `hedged-capital`; null when the record does not say. */
  eProcess: string | null;
  /** One run per batch, in order. */
  runIds: string[];
}

/** A holdout-ledger decision with its sequential stop read out; `sequential` is null for a fixed-n gate. */
export type GateView = GateRecord & { sequential: GateSequential | null };

/** The gate record with its sequential stop read from the recorded decision. */
export function gateView(record: GateRecord): GateView {
  const decision = record.decision;
  const recorded =
    typeof decision === 'object' && decision !== null && !Array.isArray(decision)
      ? recordedSequentialSchema.safeParse(decision.sequential)
      : null;
  if (!recorded?.success) return { ...record, sequential: null };
  return {
    ...record,
    sequential: {
      ...recorded.data,
      itemsEvaluated: record.itemsEvaluated ?? null,
      runIds: record.runIds ?? [record.runId],
    },
  };
}
