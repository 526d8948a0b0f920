import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue, type Steer } from '@ratchet/corpus';
import type { z } from 'zod';
import type { History } from './attempt-view';
import type { Finding } from './finding';
import { InvalidControllerError } from './invalid-controller-error';
import type { TaskView } from './task';

/** What to do after an attempt: continue from it with a steer, try again independently, or stop. */
export type Topology = 'refine' | 'fanout' | 'stop';

/** Parameters a controller is defined by: plain JSON, so they hash into its identity. */
export type ControllerParameters = Record<string, JsonValue>;

/**
 * The policy that steers a worker across attempts: what a fresh attempt is told (`initial`), what the
 * next attempt is told given the last one's findings (`steer`), how to go on, when to stop. Its
 * parameters live in a space with bounds (`schema`), so an optimizer can propose, validate and mutate
 * them; `withParameters` makes the same policy with others. `hash` is a content hash of id and
 * parameters: the thing the optimizer learns.
 */
export interface Controller {
  readonly id: string;
  readonly hash: string;
  readonly parameters: Readonly<ControllerParameters>;
  readonly schema: z.ZodType<ControllerParameters>;
  initial(task: TaskView): Steer | null;
  steer(findings: readonly Finding[], history: History): Steer;
  topology(history: History): Topology;
  stop(history: History): boolean;
  /**
   * The same policy with other parameters, validated by `schema`.
   * @throws {InvalidControllerError} naming every field the schema refuses.
   */
  withParameters(parameters: unknown): Controller;
}

export interface ControllerDefinition<Parameters extends ControllerParameters> {
  id: string;
  /** The parameter space, with bounds: what an optimizer may propose. */
  schema: z.ZodType<Parameters>;
  parameters: Parameters;
  /** The steer of a fresh attempt that has no findings yet (attempt 0, a fanout); default none. */
  initial?(task: TaskView, parameters: Parameters): Steer | null;
  steer(findings: readonly Finding[], history: History, parameters: Parameters): Steer;
  topology?(history: History, parameters: Parameters): Topology;
  stop?(history: History, parameters: Parameters): boolean;
}

/**
 * Builds a controller from its parameter space, parameters and policy functions. The parameters are
 * validated (and normalised) by the schema; the hash covers the id and the validated parameters, so
 * two controllers that differ only in a learned parameter never share a hash.
 *
 * @throws {InvalidControllerError} when the parameters fail the schema, naming each field.
 * @example
 * const terse = defineController({ id: 'terse', schema: z.object({ maxFindings: z.number().int().min(1).max(20) }),
 *   parameters: { maxFindings: 3 }, steer: (findings, _history, p) => ({ text: … }) });
 * terse.hash; // => 16 hex digits
 * terse.withParameters({ maxFindings: 50 }); // throws InvalidControllerError: maxFindings: Too big …
 */
export function defineController<Parameters extends ControllerParameters>(
  definition: ControllerDefinition<Parameters>,
): Controller {
  const checked = definition.schema.safeParse(definition.parameters);
  if (!checked.success) {
    throw new InvalidControllerError(
      definition.id,
      checked.error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message })),
    );
  }
  const parameters = checked.data;
  const hash = createHash('sha256')
    .update(canonicalJson({ id: definition.id, parameters }))
    .digest('hex')
    .slice(0, 16);
  return Object.freeze({
    id: definition.id,
    hash,
    parameters,
    schema: definition.schema as unknown as z.ZodType<ControllerParameters>,
    initial: (task: TaskView) => definition.initial?.(task, parameters) ?? null,
    steer: (findings: readonly Finding[], history: History) => definition.steer(findings, history, parameters),
    topology: (history: History) => definition.topology?.(history, parameters) ?? 'refine',
    stop: (history: History) => definition.stop?.(history, parameters) ?? false,
    withParameters: (next: unknown) => defineController({ ...definition, parameters: next as Parameters }),
  });
}
