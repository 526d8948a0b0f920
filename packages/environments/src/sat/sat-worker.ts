import { unmeasuredUsage } from '@ratchet/corpus';
import type { AttemptInput, AttemptResult, TraceEvent, Worker } from '@ratchet/runtime';
import { z } from 'zod';
import { inProcessRunner, type SolverRunner } from '../solver-runner';
import { registerSatSolver } from './register-sat-solver';
import { parseSatOptions } from './sat-options-error';
import { satSearchSettings, satSteerParametersSchema } from './sat-search-settings';
import type { SatInput } from './sat-tasks';
import type { SatSolveRequest, SatSolveResult } from './solve-sat';

/** Flips per attempt unless told otherwise: solves most small and medium formulas, few of the largest. */
export const defaultSatFlips = 3000;

const optionsSchema = z.object({
  flips: z.number().int().min(1).max(100_000_000).default(defaultSatFlips),
  runner: z.custom<SolverRunner>((value) => typeof (value as SolverRunner | null)?.run === 'function').optional(),
});
export type SatWorkerOptions = z.input<typeof optionsSchema>;

/**
 * What a sat attempt leaves to continue from: its best assignment and, once a weighted search ran, the
 * clause weights it learned (one per clause). A checkpoint without weights (written before weighting
 * existed, or by a plain search) continues a weighted search from uniform weights.
 */
const checkpointSchema = z.object({
  assignment: z.string().regex(/^[01]+$/),
  weights: z.array(z.number().int().min(1)).optional(),
});
export type SatCheckpoint = z.infer<typeof checkpointSchema>;

/**
 * A WalkSAT worker: each attempt is one local search with a flip budget, run through a solver
 * runner (in this thread by default, or a thread pool). A steer may set noise, restart policy and
 * focus and clause weighting (`satSteerParametersSchema`: unknown keys ignored, an invalid known one
 * refused); continuing from a checkpoint resumes from the best assignment so far and, for a weighted
 * search, from the clause weights the checkpoint carries (a plain attempt passes them on untouched).
 * Output: the best
 * assignment as a bit string. `usage.workUnits` counts the flips used (`workUnit: 'flips'`), the
 * search's unit of compute; it has no turns, tokens or dollars.
 *
 * @throws {SatOptionsError} when an option is invalid.
 * @example
 * const worker = satWorker({ flips: 5000 });
 */
export function satWorker(options: SatWorkerOptions = {}): Worker<SatInput> {
  const { flips, runner = inProcessRunner } = parseSatOptions('satWorker', optionsSchema, options);
  registerSatSolver();
  return {
    id: 'walksat',
    version: '1',
    workUnit: 'flips',
    steerParameters: satSteerParametersSchema,
    async attempt(input: AttemptInput<SatInput>, signal: AbortSignal): Promise<AttemptResult> {
      const { resumeWeights, ...settings } = satSearchSettings(input.steer);
      const { variables, clauses } = input.task.input;
      const parsed = input.checkpoint === null ? null : checkpointSchema.safeParse(input.checkpoint);
      const checkpoint = parsed?.success ? parsed.data : null;
      const start = checkpoint?.assignment.length === variables ? checkpoint.assignment : null;
      const carried = checkpoint?.weights?.length === clauses.length ? checkpoint.weights : null;
      const request: SatSolveRequest = {
        variables,
        clauses,
        flips,
        seed: input.seed,
        ...settings,
        start,
        weights: settings.weighting === 'additive' && resumeWeights ? carried : null,
      };
      const result = await runner.run<SatSolveRequest, SatSolveResult>('sat', request, signal);
      const weights = result.weights ?? carried;
      return {
        output: result.best,
        events: satTraceEvents(result, request),
        usage: { ...unmeasuredUsage, workUnits: result.flipsUsed },
        checkpoint: { assignment: result.best, ...(weights === null ? {} : { weights }) } satisfies SatCheckpoint,
      };
    },
  };
}

/** The trace: each improvement of the best, then a summary the sat analyst reads. */
function satTraceEvents(result: SatSolveResult, request: SatSolveRequest): TraceEvent[] {
  const improvements: TraceEvent[] = result.improvements.map((step) => ({
    type: 'search',
    data: { kind: 'improvement', flip: step.flip, unsatisfied: step.unsatisfied },
  }));
  const summary: TraceEvent = {
    type: 'log',
    data: {
      kind: 'walksat',
      flipBudget: request.flips,
      flipsUsed: result.flipsUsed,
      startUnsatisfied: result.startUnsatisfied,
      bestUnsatisfied: result.bestUnsatisfied,
      lastImprovementFlip: result.lastImprovementFlip,
      restarts: result.restarts,
      restartsImproved: result.restartsImproved,
      resumed: request.start !== null,
      noise: request.noise,
      restartEvery: request.restartEvery,
      restartFrom: request.restartFrom,
      focus: request.focus,
      weighting: request.weighting ?? 'none',
      resumedWeights: request.weights !== null && request.weights !== undefined,
      weightIncreases: result.weightIncreases,
      maxWeight: result.maxWeight,
    },
  };
  return [...improvements, summary, { type: 'output', data: { unsatisfied: result.bestUnsatisfied } }];
}
