import { type GateRecord, recordedSequentialStop } from '@ratchet/corpus';

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
  const recorded = recordedSequentialStop(record.decision);
  if (recorded === null) return { ...record, sequential: null };
  const { itemsSpent, maxItems, stoppedBy, eValues, barrier, plugInEValue, eProcess } = recorded;
  return {
    ...record,
    sequential: {
      ...{ itemsSpent, maxItems, stoppedBy, eValues: [...eValues], barrier, plugInEValue, eProcess },
      itemsEvaluated: record.itemsEvaluated ?? null,
      runIds: record.runIds ?? [record.runId],
    },
  };
}
