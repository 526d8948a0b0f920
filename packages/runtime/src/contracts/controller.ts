import { createHash } from 'node:crypto';
import type { JsonValue, Steer } from '@ratchet/corpus';
import type { History } from './attempt-view';
import type { Finding } from './finding';

/** What to do after an attempt: continue from it with a steer, try again independently, or stop. */
export type Topology = 'refine' | 'fanout' | 'stop';

/**
 * The policy that steers a worker across attempts: what the next attempt is told, how to go on, when
 * to stop. Its `hash` is a content hash of its id and parameters: the thing the optimizer learns.
 */
export interface Controller {
  readonly id: string;
  readonly hash: string;
  readonly parameters: Readonly<Record<string, JsonValue>>;
  steer(findings: readonly Finding[], history: History): Steer;
  topology(history: History): Topology;
  stop(history: History): boolean;
}

export interface ControllerDefinition<Parameters extends Record<string, JsonValue>> {
  id: string;
  parameters: Parameters;
  steer(findings: readonly Finding[], history: History, parameters: Parameters): Steer;
  topology?(history: History, parameters: Parameters): Topology;
  stop?(history: History, parameters: Parameters): boolean;
}

/** JSON with object keys sorted at every level, so equal values always serialise the same. */
export function canonicalJson(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] as JsonValue)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Builds a controller from its parameters and policy functions. The hash covers the id and the
 * parameters, so two controllers that differ only in a learned parameter never share a hash.
 *
 * @example
 * const controller = defineController({ id: 'terse', parameters: { maxFindings: 3 }, steer: (f, _h, p) => ({ text: … }) });
 * controller.hash; // => 'sha256:…' (16 hex digits)
 */
export function defineController<Parameters extends Record<string, JsonValue>>(
  definition: ControllerDefinition<Parameters>,
): Controller {
  const hash = createHash('sha256')
    .update(canonicalJson({ id: definition.id, parameters: definition.parameters }))
    .digest('hex')
    .slice(0, 16);
  return {
    id: definition.id,
    hash,
    parameters: definition.parameters,
    steer: (findings, history) => definition.steer(findings, history, definition.parameters),
    topology: (history) => definition.topology?.(history, definition.parameters) ?? 'refine',
    stop: (history) => definition.stop?.(history, definition.parameters) ?? false,
  };
}
