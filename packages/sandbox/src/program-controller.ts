import {
  type Controller,
  defaultController,
  defaultControllerSchema,
  defineController,
  retryText,
  type StrategyPlan,
} from '@ratchet/runtime';
import { z } from 'zod';
import { programHash } from './program-hash';
import { programName } from './program-name';
import { programStrategy } from './program-strategy';
import { builtInProgramSources } from './programs/built-in-programs';
import type { SandboxLimits } from './sandbox-limits';
import type { StrategyProgram } from './strategy-program';

/** Longest program a candidate may carry. */
export const maxProgramChars = 20_000;

/**
 * A program from its source, without compiling it: its hash and declared name. A program that does not
 * compile fails in its cells (an honest 0), so a candidate never needs a compile step to be built.
 */
export function programOf(source: string): StrategyProgram {
  const hash = programHash(source);
  return { source, hash, name: programName(source, hash) };
}

/**
 * The controller of program candidates: its `program` component is the strategy's JavaScript source,
 * so the program is part of the candidate's hash and a proposer (the `author` proposer) can rewrite it
 * like any text component; the other components steer retries as the generic controller does. It
 * starts from the built-in `refine` program.
 */
export const programController = defineController({
  id: 'program',
  schema: defaultControllerSchema.extend({ program: z.string().min(1).max(maxProgramChars) }),
  // The generic controller's retry texts, so a program candidate steers retries as the default does.
  parameters: {
    program: builtInProgramSources.refine,
    ...(defaultController.parameters as z.infer<typeof defaultControllerSchema>),
  },
  steer(findings, _history, parameters) {
    const retry = retryText(findings, parameters);
    return { text: retry.text, parameters: { findings: retry.listed } };
  },
});

/** How a program candidate runs on a task: its own program, in the sandbox, at k attempts. */
export function programPlan(k: number, limits: Partial<SandboxLimits> = {}): (controller: Controller) => StrategyPlan {
  return (controller): StrategyPlan => {
    const source = controller.parameters.program;
    if (typeof source !== 'string') {
      throw new TypeError(`controller ${controller.id} has no "program" component; program candidates need one`);
    }
    return { strategy: programStrategy(programOf(source), limits), k, controller };
  };
}
