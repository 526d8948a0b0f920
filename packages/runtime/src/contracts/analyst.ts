import type { AttemptView, History } from './attempt-view';
import type { Finding } from './finding';
import type { AttemptUsage } from './worker';

/** Where an analyst reports what a call cost (a model-backed analyst); counted in the arm's spend. */
export interface AnalystMeter {
  record(usage: AttemptUsage & { readonly wallMs?: number | null }): void;
}

/**
 * Turns an attempt's trace into findings. It sees what a strategy sees: never a verdict. An analyst
 * that costs nothing but time (rules over the trace) says `free: true`; any other analyst reports each
 * call's cost through the meter, and a call it does not meter is recorded as unmeasured, never as $0.
 */
export interface Analyst {
  readonly id: string;
  readonly free?: boolean;
  observe(attempt: AttemptView, history: History, meter?: AnalystMeter): Promise<Finding[]>;
}
