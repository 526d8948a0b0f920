import type { Corpus } from '@ratchet/corpus';
import {
  type CandidatePlan,
  type GepaOptions,
  type Holdout,
  type ImproveOptions,
  improve,
  nextHoldout,
  type SearchFamily,
} from '@ratchet/optimizer';
import type { Controller, Task } from '@ratchet/runtime';
import type { IterationContext, IterationOutcome, Orchestrator } from '../autoloop-types';
import { reportSpend } from '../loop/metered-context';

/** What the search of every iteration shares (the proposer, its budget, acceptance…), fixed for the loop. */
export type SearchSettings = Omit<
  GepaOptions,
  'corpus' | 'family' | 'benchmark' | 'plan' | 'baseline' | 'train' | 'val' | 'seed' | 'signal' | 'optimizationId'
>;

export interface ImproveOrchestratorOptions {
  readonly corpus: Corpus;
  readonly family: SearchFamily;
  readonly benchmark: string;
  readonly plan: CandidatePlan;
  /** The target's controller as it is now: read before every iteration, so a kept candidate is the next baseline. */
  readonly current: () => Promise<Controller>;
  readonly train: readonly Task[];
  readonly val: readonly Task[];
  /** The holdout of a rotation (0: the configured one). A holdout spent for the current incumbent moves on to the next. */
  readonly holdout: (rotation: number) => Promise<Holdout>;
  /** The family that runs a rotation's holdout tasks when they are another draw (default: `family`). */
  readonly gateFamily?: (rotation: number) => SearchFamily;
  readonly search: SearchSettings;
  readonly gate?: ImproveOptions['gate'];
  /** The loop's seed: iteration n searches with `<seed>/iteration-<n>`, so a killed iteration resumes its own search. */
  readonly seed: string;
  /** Writes a kept candidate into the target, atomically, keeping the previous version. */
  readonly keep: (candidate: Controller, iteration: number) => Promise<void>;
  /** The target's controller hash before the loop's first iteration. */
  readonly initialHash: string | null;
}

async function gateSpend(corpus: Corpus, runIds: readonly string[]): Promise<{ cells: number; usd: number | null }> {
  const cells = (await Promise.all(runIds.map((runId) => corpus.cells({ runId })))).flat();
  const usd = cells.map((cell) => cell.spend.usd);
  return {
    cells: cells.length,
    usd: usd.some((x) => x === null) ? null : (usd as number[]).reduce((a, b) => a + b, 0),
  };
}

/**
 * The real orchestrator: one iteration is one `improve` — a GEPA search from the target's current
 * controller on train and val, then the gate on the next holdout not yet spent for it — called in-process
 * through its typed API. A promoted candidate is written into the target (`keep`) and is the next
 * iteration's baseline; a rejected one leaves the target as it was. Spend is the search's cells and dollars
 * plus the gate's; dollars are null when the workers meter none.
 */
export function improveOrchestrator(options: ImproveOrchestratorOptions): Orchestrator {
  return {
    kind: 'improve',
    initialHash: options.initialHash,
    async iterate(context: IterationContext): Promise<IterationOutcome> {
      const baseline = await options.current();
      const holdout = await nextHoldout(options.corpus, {
        benchmark: options.benchmark,
        incumbentHash: baseline.hash,
        draw: options.holdout,
        rotate: true,
      });
      const result = await improve({
        ...options.search,
        corpus: options.corpus,
        family: options.family,
        benchmark: options.benchmark,
        plan: options.plan,
        baseline,
        splits: { train: options.train, val: options.val, holdout },
        seed: `${options.seed}/iteration-${context.iteration}`,
        signal: context.signal,
        // The search's dollars so far reach the engine, which aborts the iteration when they cross the cap.
        onProgress: (progress) => {
          options.search.onProgress?.(progress);
          if (progress.spend.usd !== null) reportSpend(context, progress.spend.usd);
        },
        ...(options.gate === undefined ? {} : { gate: options.gate }),
        ...(options.gateFamily === undefined ? {} : { gateFamily: options.gateFamily(holdout.rotation) }),
      });
      if (result.search.stop.reason === 'signal') {
        throw context.signal.reason ?? new Error(`iteration ${context.iteration} was stopped: ${result.summary}`);
      }
      const gated = result.gate === null ? { cells: 0, usd: 0 } : await gateSpend(options.corpus, result.gate.runIds);
      const searchUsd = result.search.spend.usd;
      const spendUsd = searchUsd === null || gated.usd === null ? null : searchUsd + gated.usd;
      const lift = result.gate?.decision.lift;
      const score =
        lift && lift.estimate !== null && lift.low !== null && lift.high !== null
          ? { estimate: lift.estimate, low: lift.low, high: lift.high }
          : null;
      if (result.promoted) await options.keep(result.search.best.controller, context.iteration);
      return {
        decision: result.promoted ? 'keep' : 'reject',
        candidateId: result.search.best.hash === baseline.hash ? null : result.search.best.hash,
        targetHash: result.promoted ? result.search.best.hash : baseline.hash,
        score,
        spendUsd,
        cells: result.search.spend.cells + gated.cells,
        failure: null,
        summary: `${result.summary} (holdout "${holdout.key}")`,
      };
    },
  };
}
