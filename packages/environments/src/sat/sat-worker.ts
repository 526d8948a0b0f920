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

/** What a sat attempt leaves to continue from: its best assignment. */
const checkpointSchema = z.object({ assignment: z.string().regex(/^[01]+$/) });
export type SatCheckpoint = z.infer<typeof checkpointSchema>;

/**
 * A WalkSAT worker: each attempt is one local search with a flip budget, run through a solver
 * runner (in this thread by default, or a thread pool). A steer may set noise, restart policy and
 * focus (`satSteerParametersSchema`: unknown keys ignored, an invalid known one refused); continuing from a checkpoint resumes from the best assignment so far. Output: the best
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
      const settings = satSearchSettings(input.steer);
      const checkpoint = input.checkpoint === null ? null : checkpointSchema.safeParse(input.checkpoint);
      const start =
        checkpoint?.success && checkpoint.data.assignment.length === input.task.input.variables
          ? checkpoint.data.assignment
          : null;
      const request: SatSolveRequest = {
        variables: input.task.input.variables,
        clauses: input.task.input.clauses,
        flips,
        seed: input.seed,
        ...settings,
        start,
      };
      const result = await runner.run<SatSolveRequest, SatSolveResult>('sat', request, signal);
      return {
        output: result.best,
        events: satTraceEvents(result, request),
        usage: { ...unmeasuredUsage, workUnits: result.flipsUsed },
        checkpoint: { assignment: result.best } satisfies SatCheckpoint,
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
    },
  };
  return [...improvements, summary, { type: 'output', data: { unsatisfied: result.bestUnsatisfied } }];
}
