import type { IterationOutcome, Orchestrator } from '../autoloop-types';
import { iterationOutcomeSchema } from './iteration-outcome-schema';
import type { MeteredIterationContext } from './metered-context';

/** One iteration as the engine saw it. */
export interface IterationRun {
  /** What the orchestrator returned, or an `error` outcome built from what it threw. */
  readonly outcome: IterationOutcome;
  /** The outer signal aborted while the iteration ran. */
  readonly interrupted: boolean;
  /** The iteration's spend reached the cap and the engine aborted it. */
  readonly capAborted: boolean;
  /**
   * Whether the iteration counts (history, counters, iteration numbers). An iteration cut short by Ctrl+C
   * that ends in an error is not a failure of the loop: it is logged and its spend is added, but it is run
   * again on resume under the same number. One that returned keep or reject despite the signal counts:
   * a kept candidate is already in the target.
   */
  readonly counted: boolean;
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return `a non-Error value was thrown: ${String(error)}`;
}

function failedOutcome(failure: string, spendUsd: number | null, summary: string): IterationOutcome {
  return { decision: 'error', candidateId: null, targetHash: null, score: null, spendUsd, cells: 0, failure, summary };
}

/**
 * Runs one iteration: gives the orchestrator a signal that aborts on the outer signal AND when the spend it
 * reports through `onSpend` reaches the cap; turns a throw (or an outcome that fails its schema) into an
 * `error` outcome with the stack as its failure. The spend kept is the larger of the outcome's and the last
 * one reported: for a cost cap, money reported as spent is never forgotten because the final figure is
 * lower or missing.
 */
export async function runIteration(options: {
  orchestrator: Orchestrator;
  iteration: number;
  signal: AbortSignal;
  spentBeforeUsd: number;
  maxCostUsd: number | null;
}): Promise<IterationRun> {
  const { signal, spentBeforeUsd, maxCostUsd } = options;
  const controller = new AbortController();
  const forward = (): void => controller.abort(signal.reason);
  if (signal.aborted) forward();
  else signal.addEventListener('abort', forward, { once: true });

  let reportedUsd: number | null = null;
  let capAborted = false;
  const context: MeteredIterationContext = {
    iteration: options.iteration,
    signal: controller.signal,
    remainingUsd: maxCostUsd === null ? null : Math.max(0, maxCostUsd - spentBeforeUsd),
    onSpend: (usdSoFar) => {
      if (!Number.isFinite(usdSoFar) || usdSoFar < 0) return;
      reportedUsd = Math.max(reportedUsd ?? 0, usdSoFar);
      if (maxCostUsd !== null && spentBeforeUsd + reportedUsd >= maxCostUsd && !controller.signal.aborted) {
        capAborted = true;
        controller.abort(
          new Error(
            `iteration ${options.iteration} was aborted: its spend reached the $${maxCostUsd.toFixed(2)} cost cap`,
          ),
        );
      }
    },
  };

  let outcome: IterationOutcome;
  try {
    const returned = await options.orchestrator.iterate(context);
    const parsed = iterationOutcomeSchema.safeParse(returned);
    outcome = parsed.success
      ? parsed.data
      : failedOutcome(
          `orchestrator "${options.orchestrator.kind}" returned an invalid outcome: ${parsed.error.message}`,
          null,
          'The orchestrator returned an outcome the loop could not read; nothing was recorded as kept.',
        );
  } catch (error) {
    const why = signal.aborted ? 'interrupted: ' : capAborted ? 'aborted at the cost cap: ' : '';
    outcome = failedOutcome(`${why}${describe(error)}`, null, `The iteration failed: ${why || 'it threw'}.`);
  } finally {
    signal.removeEventListener('abort', forward);
  }

  const spendUsd =
    outcome.spendUsd === null
      ? reportedUsd
      : reportedUsd === null
        ? outcome.spendUsd
        : Math.max(outcome.spendUsd, reportedUsd);
  const interrupted = signal.aborted;
  return {
    outcome: { ...outcome, spendUsd },
    interrupted,
    capAborted,
    counted: !(interrupted && outcome.decision === 'error'),
  };
}
