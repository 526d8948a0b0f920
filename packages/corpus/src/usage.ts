import { z } from 'zod';

/** A measured figure, or null when it was not measured. Never 0 for "unknown" (docs/design.md rule 5). */
const figure = z.number().nonnegative().nullable();

/**
 * What an attempt (or a cell, summed) spent. Every figure is a number or null; `costProvenance` says
 * where `usd` came from: read from the provider (`measured`), computed from token counts and a price
 * table (`estimated`), or not known at all (`unknown`, with `usd: null`).
 */
export const usageSchema = z
  .strictObject({
    turns: figure,
    tokensIn: figure,
    /**
     * Of `tokensIn`, those read from the provider's prompt cache (priced lower), when the worker reports
     * them; absent or null: not measured.
     */
    tokensInCached: figure.optional(),
    tokensOut: figure,
    usd: figure,
    wallMs: figure,
    /**
     * The worker's own unit of work (search steps, WalkSAT flips; `WorkerRef.workUnit` names it), so
     * equal compute can be checked on real work and not only on clocks and tokens.
     */
    workUnits: figure,
    costProvenance: z.enum(['measured', 'estimated', 'unknown']),
  })
  .refine((usage) => (usage.costProvenance === 'unknown') === (usage.usd === null), {
    message: "usd must be null exactly when costProvenance is 'unknown'",
    path: ['usd'],
  });
export type Usage = z.infer<typeof usageSchema>;

/** Usage with nothing measured. */
export const unmeasuredUsage: Usage = {
  turns: null,
  tokensIn: null,
  tokensOut: null,
  usd: null,
  wallMs: null,
  workUnits: null,
  costProvenance: 'unknown',
};
