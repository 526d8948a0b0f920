import { createHash } from 'node:crypto';
import { type JsonValue, unmeasuredUsage } from '@ratchet/corpus';
import type { AttemptResult, TraceEvent, Worker } from '@ratchet/runtime';
import { z } from 'zod';
import { inProcessRunner, type SolverRunner } from '../solver-runner';
import { DslError } from './dsl-error';
import { DslOptionsError } from './dsl-options-error';
import { type DslTaskInput, dslTaskInputSchema } from './dsl-task-input';
import { registerDslSolver } from './register-dsl-solver';
import { dslSearchParameters, searchParametersSchema } from './search-parameters';
import type { DslExample, DslSearchState, DslSolveRequest, DslSolveResult } from './search-state';

const optionsSchema = z.strictObject({
  /** Steps per attempt: one step is one candidate program built and run on the visible examples. */
  budget: z.number().int().min(1).max(10_000_000).default(20_000),
  /** Steps per solver call; between calls the worker checks the abort signal and the wall clock. */
  sliceSteps: z.number().int().min(100).default(5_000),
  /** Steps without improvement that the trace reports as a stall. */
  stallWindow: z.number().int().min(1).default(4_000),
  /** Search parameters used where a steer sets none. */
  defaults: searchParametersSchema.default({}),
});
export type DslWorkerOptions = z.input<typeof optionsSchema> & { runner?: SolverRunner };

/** The worker's checkpoint: the search state, tagged with the examples it was built on. */
interface DslCheckpoint {
  readonly version: 1;
  readonly examples: string;
  readonly state: DslSearchState;
}

function fingerprint(examples: readonly DslExample[]): string {
  return createHash('sha256').update(JSON.stringify(examples)).digest('hex').slice(0, 16);
}

function readCheckpoint(checkpoint: unknown, examples: string): DslSearchState | null {
  const candidate = checkpoint as Partial<DslCheckpoint> | null;
  if (candidate?.version !== 1 || candidate.examples !== examples || typeof candidate.state !== 'object') return null;
  return candidate.state;
}

/**
 * The dsl worker: a stochastic enumerative synthesizer (`solveDsl`) with a per-attempt step budget.
 * A steer's `parameters` (`searchParametersSchema`: unknown keys ignored, an invalid known one
 * refused) set its operator priors, depth limit and focus examples; its checkpoint is
 * the search state, so an attempt continued from it resumes where the last one stopped. Outputs the
 * best program found as source text; the trace reports steps, depth, best visible score and stalls,
 * and `usage.workUnits` the search steps the attempt used (`workUnit: 'search steps'`).
 *
 * @throws {DslOptionsError} when the options are invalid.
 * @example
 * const worker = dslWorker({ budget: 20_000 });
 * (await worker.attempt(input, signal)).output; // => '(sum (filter even xs))'
 */
export function dslWorker(options: DslWorkerOptions = {}): Worker<DslTaskInput> {
  registerDslSolver();
  const { runner = inProcessRunner, ...rest } = options;
  const parsed = optionsSchema.safeParse(rest);
  if (!parsed.success) throw new DslOptionsError('dslWorker', parsed.error);
  const { budget, sliceSteps, stallWindow } = parsed.data;
  const defaults = dslSearchParameters(parsed.data.defaults);
  return {
    id: 'dsl-enumerative',
    version: '1',
    workUnit: 'search steps',
    steerParameters: searchParametersSchema,
    async attempt(input, signal): Promise<AttemptResult> {
      const task = dslTaskInputSchema.safeParse(input.task.input);
      if (!task.success)
        throw new DslError(`dslWorker: task ${input.task.id} has no dsl input (${task.error.message})`);
      const { examples, outputType } = task.data;
      // The harness has checked the steer against `steerParameters`; a direct caller gets the same refusal.
      const parameters = dslSearchParameters(input.steer?.parameters, defaults);
      const key = fingerprint(examples);
      let state = readCheckpoint(input.checkpoint, key);
      const startSteps = state?.totalSteps ?? 0;
      const events: TraceEvent[] = [
        {
          type: 'log',
          data: {
            kind: 'start',
            budget,
            resumedAtStep: state ? startSteps : null,
            parameters: parameters as unknown as JsonValue,
          },
        },
      ];
      const deadline = input.budget.wallMs === null ? null : performance.now() + input.budget.wallMs;
      let used = 0;
      for (let slice = 0; used < budget; slice++) {
        if (deadline !== null && performance.now() >= deadline) {
          events.push({ type: 'log', data: { kind: 'wall-clock', step: startSteps + used } });
          break;
        }
        const request: DslSolveRequest = {
          examples,
          outputType,
          steps: Math.min(sliceSteps, budget - used),
          seed: `${input.seed}/slice-${slice}`,
          parameters,
          state,
          stallWindow,
        };
        const result = await runner.run<DslSolveRequest, DslSolveResult>('dsl', request, signal);
        state = result.state;
        used += result.stepsUsed;
        for (const event of result.events) events.push({ type: 'search', data: event });
        if (state.solved || state.exhausted || result.stepsUsed < request.steps) break;
      }
      const program = state?.best?.program ?? 'xs';
      events.push({
        type: 'output',
        data: {
          program,
          solved: state?.solved ?? false,
          exhausted: state?.exhausted ?? false,
          steps: used,
          totalSteps: state?.totalSteps ?? 0,
          budget,
          size: state?.level ?? 0,
          depth: state?.depthReached ?? 0,
          maxDepth: parameters.maxDepth,
          bestScore: state?.best?.score ?? 0,
        },
      });
      const checkpoint: DslCheckpoint | undefined = state ? { version: 1, examples: key, state } : undefined;
      return {
        output: program,
        events,
        // No model, so no tokens or dollars: its compute is the steps it took.
        usage: { ...unmeasuredUsage, workUnits: used },
        ...(checkpoint ? { checkpoint: checkpoint as unknown as JsonValue } : {}),
      };
    },
  };
}
