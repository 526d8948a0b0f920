import type { IterationContext } from '../autoloop-types';

/**
 * The context the engine actually passes: the shared `IterationContext` plus `onSpend`, through which a
 * running iteration reports what it has spent SO FAR (cumulative dollars, not increments, so a repeated
 * report is harmless). The engine aborts the iteration's signal once the spend reaches the cap. An
 * orchestrator typed against `IterationContext` reports through `reportSpend`.
 */
export interface MeteredIterationContext extends IterationContext {
  readonly onSpend: (usdSoFar: number) => void;
}

/** Reports the iteration's spend so far, when the engine listens (a no-op otherwise). */
export function reportSpend(context: IterationContext, usdSoFar: number): void {
  const onSpend = (context as Partial<MeteredIterationContext>).onSpend;
  if (typeof onSpend === 'function') onSpend(usdSoFar);
}
