import { canonicalJson, type JsonValue } from '@ratchet/corpus';
import { type ControllerParameters, InvalidControllerError } from '@ratchet/runtime';
import type { z } from 'zod';
import { componentsOf } from '../candidate';
import { immutableReason, type MutationSettings, mutateValue } from './mutate-value';
import { parameterSpaceOf, type SchemaNode } from './parameter-space';
import { noProposerUsage, type ProposalResult, type Proposer } from './proposer';
import { checkNumberOption } from './proposer-options-error';

export interface ParametricProposerOptions {
  /**
   * A step's standard deviation as a fraction of the parameter's range (of its log range when
   * log-scaled). Default 0.2: a local move — most steps stay within a fifth of the range of the
   * parent, as GEPA's mutation refines the best so far — yet wide enough to cross a 0–3 integer range.
   */
  readonly stepScale?: number;
  /** Chance that a nullable parameter with a value is set to null. Default 0.2: null is one state among several. */
  readonly nullRate?: number;
  /**
   * Draws tried before giving up when each repeats the parent, a rejected candidate, or fails the
   * schema. Default 20: a boolean or a two-value enum has one neighbour, so once that is rejected no
   * number of draws helps, and 20 draws cost microseconds.
   */
  readonly maxDraws?: number;
}

const id = 'parametric';

/** The top-level property schema of one component, or why there is none. */
function componentNode(schema: z.ZodType, component: string): SchemaNode | string {
  let root: SchemaNode;
  try {
    root = parameterSpaceOf(schema);
  } catch (error) {
    return `the schema cannot be read as JSON Schema (${error instanceof Error ? error.message : String(error)})`;
  }
  const node = root.properties?.[component];
  return node ?? `the schema has no property "${component}"`;
}

function brief(value: JsonValue | undefined): string {
  const text = value === undefined ? '(unset)' : canonicalJson(value);
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

/**
 * A proposer that needs no model: it rewrites the requested component of the parent's parameters by
 * one seeded random step within the bounds its schema states (numbers by a Gaussian step, log-scaled
 * over wide positive ranges; integers rounded; enums to another value; booleans flipped; nullables to
 * and from null; maps re-weighted, grown or shrunk). It is what searches a family offline. Text
 * components are not parametric: `components` leaves them out and `propose` refuses them.
 *
 * It draws up to `maxDraws` times to find parameters that pass the schema and whose hash is neither
 * the parent's nor one in `request.rejected`; otherwise the result is `invalid`, saying why.
 *
 * @throws {ProposerOptionsError} when `stepScale` is not above 0, `nullRate` is outside [0, 1], or `maxDraws` is not a positive integer.
 * @example
 * const result = await parametricProposer().propose({ parent, component: 'maxDepthCap', schema: dslControllerSchema,
 *   examples: [], rejected: new Set(), random: createRng(7) });
 * // => { kind: 'proposal', parameters: { …, maxDepthCap: 7 }, note: 'maxDepthCap: 6 → 7', usage: noProposerUsage }
 */
export function parametricProposer(options: ParametricProposerOptions = {}): Proposer {
  const stepScale = checkNumberOption('parametricProposer', 'stepScale', options.stepScale ?? 0.2, {
    min: 0,
    example: 'stepScale: 0.2',
  });
  const nullRate = checkNumberOption('parametricProposer', 'nullRate', options.nullRate ?? 0.2, {
    min: 0,
    minInclusive: true,
    max: 1,
    example: 'nullRate: 0.2',
  });
  const maxDraws = checkNumberOption('parametricProposer', 'maxDraws', options.maxDraws ?? 20, {
    min: 1,
    minInclusive: true,
    integer: true,
    example: 'maxDraws: 20',
  });

  return {
    id,
    reflective: false,
    components(parent) {
      const { parameters, schema } = parent.controller;
      return componentsOf(parameters).filter((component) => {
        const node = componentNode(schema, component);
        return typeof node !== 'string' && immutableReason(node, parameters[component]) === null;
      });
    },
    async propose(request): Promise<ProposalResult> {
      request.signal?.throwIfAborted();
      const { parent, component } = request;
      const invalid = (reason: string): ProposalResult => ({ kind: 'invalid', reason, usage: noProposerUsage });
      const node = componentNode(request.schema, component);
      if (typeof node === 'string') return invalid(`component "${component}" cannot be stepped: ${node}`);
      const before = parent.controller.parameters[component];
      const why = immutableReason(node, before);
      if (why !== null) return invalid(`component "${component}" ${why}`);

      const settings: MutationSettings = { stepScale, nullRate, random: request.random };
      let repeated = 0;
      let refused = 0;
      let firstRefusal: string | undefined;
      for (let draw = 0; draw < maxDraws; draw++) {
        const value = mutateValue(node, before, settings);
        const parameters: ControllerParameters = { ...parent.controller.parameters };
        if (value === undefined) delete parameters[component];
        else parameters[component] = value;
        const checked = request.schema.safeParse(parameters);
        if (!checked.success) {
          refused++;
          firstRefusal ??= checked.error.issues
            .map((issue) => `${issue.path.map(String).join('.') || '(parameters)'}: ${issue.message}`)
            .join('; ');
          continue;
        }
        let hash: string;
        try {
          hash = parent.controller.withParameters(parameters).hash;
        } catch (error) {
          // The request's schema passed them but the controller's own refused: count it as a refusal.
          if (!InvalidControllerError.isInstance(error)) throw error;
          refused++;
          firstRefusal ??= error.message;
          continue;
        }
        if (hash === parent.hash || request.rejected.has(hash)) {
          repeated++;
          continue;
        }
        return {
          kind: 'proposal',
          parameters,
          note: `${component}: ${brief(before)} → ${brief(value)}`,
          usage: noProposerUsage,
        };
      }
      const refusals = refused === 0 ? '' : `, ${refused} failed the schema (first: ${firstRefusal})`;
      return invalid(
        `no new value for "${component}" in ${maxDraws} draws: ${repeated} repeated the parent or a rejected candidate${refusals}; its neighbourhood may be exhausted — try another component or a larger stepScale`,
      );
    },
  };
}
