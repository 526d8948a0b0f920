import type { IterationContext, IterationOutcome, Orchestrator } from '../autoloop-types';
import { ScriptExhaustedError } from './script-exhausted-error';

/** One scripted iteration: an outcome returned, an error thrown, or a function of the context (to wait, report spend). */
export type ScriptStep =
  | IterationOutcome
  | Error
  | ((context: IterationContext) => IterationOutcome | Promise<IterationOutcome>);

/** An orchestrator that plays a script, one step per call, and records the contexts it was given. */
export interface ScriptedOrchestrator extends Orchestrator {
  readonly calls: readonly IterationContext[];
}

/**
 * For tests: replays `steps` in order across calls (and across `runLoop` invocations, when the same
 * object is reused), so every stop rule can be driven exactly.
 *
 * @throws {ScriptExhaustedError} from `iterate`, when called more times than there are steps.
 */
export function scriptedOrchestrator(
  steps: readonly ScriptStep[],
  options: { initialHash?: string | null; kind?: string } = {},
): ScriptedOrchestrator {
  const calls: IterationContext[] = [];
  return {
    kind: options.kind ?? 'scripted',
    initialHash: options.initialHash ?? 'h0',
    calls,
    async iterate(context) {
      calls.push(context);
      const step = steps[calls.length - 1];
      if (step === undefined) throw new ScriptExhaustedError({ iteration: calls.length, steps: steps.length });
      if (step instanceof Error) throw step;
      return typeof step === 'function' ? step(context) : step;
    },
  };
}

interface OutcomeFigures {
  /** The gated CI [low, high]; the estimate is its midpoint unless given. */
  readonly ci?: readonly [number, number];
  readonly estimate?: number;
  readonly spendUsd?: number | null;
  readonly candidateId?: string;
}

function scored(figures: OutcomeFigures) {
  const [low, high] = figures.ci ?? [0.01, 0.05];
  return { estimate: figures.estimate ?? (low + high) / 2, low, high };
}

/** A kept candidate that moves the target to `hash`. */
export function scriptedKeep(hash: string, figures: OutcomeFigures = {}): IterationOutcome {
  return {
    decision: 'keep',
    candidateId: figures.candidateId ?? hash,
    targetHash: hash,
    score: scored(figures),
    spendUsd: figures.spendUsd ?? null,
    cells: 10,
    failure: null,
    summary: `kept ${hash}`,
  };
}

/** A rejected candidate; the target keeps `hash` (its hash before the iteration). */
export function scriptedReject(hash: string, figures: OutcomeFigures = {}): IterationOutcome {
  return {
    decision: 'reject',
    candidateId: figures.candidateId ?? `${hash}-rejected`,
    targetHash: hash,
    score: scored({ ci: [-0.02, 0.02], ...figures }),
    spendUsd: figures.spendUsd ?? null,
    cells: 10,
    failure: null,
    summary: 'rejected',
  };
}

/** A failed iteration, as an orchestrator would report it (not thrown). */
export function scriptedError(failure: string, spendUsd: number | null = null, summary = 'failed'): IterationOutcome {
  return {
    decision: 'error',
    candidateId: null,
    targetHash: null,
    score: null,
    spendUsd,
    cells: 0,
    failure,
    summary,
  };
}
