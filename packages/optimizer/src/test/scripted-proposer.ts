import type { ControllerParameters } from '@ratchet/runtime';
import type { Candidate } from '../candidate';
import {
  noProposerUsage,
  type ProposalRequest,
  type ProposalResult,
  type Proposer,
  type ProposerUsage,
} from '../proposers/proposer';
import { ScriptExhaustedError } from './script-exhausted-error';

/** A proposal's cost that was not measured: a call was made, its tokens and dollars are unknown (never 0). */
export const unmeasuredProposerUsage: ProposerUsage = Object.freeze({
  calls: 1,
  tokensIn: null,
  tokensOut: null,
  usd: null,
  costProvenance: 'unknown',
});

/** One scripted answer: parameters (or a function of the request making them), or an invalid reason. */
export type ScriptedProposal =
  | {
      readonly parameters: ControllerParameters | ((request: ProposalRequest) => ControllerParameters);
      readonly note?: string;
      readonly usage?: ProposerUsage;
    }
  | { readonly invalid: string; readonly usage?: ProposerUsage };

export interface ScriptedProposerOptions {
  /** Default `scripted`. */
  readonly id?: string;
  /** Default false. */
  readonly reflective?: boolean;
  /** The usage of every answer that states none. Default `noProposerUsage`: a script calls no model. */
  readonly usage?: ProposerUsage;
  /** The components it offers; default: none given, so the loop rewrites every component. */
  readonly components?: (parent: Candidate) => readonly string[];
}

/** A proposer for tests that also keeps every request it was given, in order. */
export interface ScriptedProposer extends Proposer {
  readonly requests: ProposalRequest[];
}

/**
 * A mock `Proposer`: answers with the script's entries in order (or with what a function returns for
 * each call) and records each request, so a test can drive the GEPA loop without a model and check
 * what it was asked.
 *
 * @throws {ScriptExhaustedError} from `propose` when called more often than the script has entries.
 * @example
 * const proposer = scriptedProposer([
 *   { parameters: { ...defaultController.parameters, maxFindings: 3 }, note: 'fewer findings' },
 *   { invalid: 'truncated', usage: unmeasuredProposerUsage },
 * ]);
 * await proposer.propose(request); // => { kind: 'proposal', parameters: { …, maxFindings: 3 }, note: 'fewer findings', usage: … }
 * proposer.requests.length; // => 1
 */
export function scriptedProposer(
  script: readonly ScriptedProposal[] | ((request: ProposalRequest, call: number) => ScriptedProposal),
  options: ScriptedProposerOptions = {},
): ScriptedProposer {
  const requests: ProposalRequest[] = [];
  const proposer: ScriptedProposer = {
    id: options.id ?? 'scripted',
    reflective: options.reflective ?? false,
    requests,
    async propose(request): Promise<ProposalResult> {
      const call = requests.length;
      requests.push(request);
      const entry = typeof script === 'function' ? script(request, call) : script[call];
      if (entry === undefined) throw new ScriptExhaustedError(call, (script as readonly ScriptedProposal[]).length);
      const usage = entry.usage ?? options.usage ?? noProposerUsage;
      if ('invalid' in entry) return { kind: 'invalid', reason: entry.invalid, usage };
      const parameters = typeof entry.parameters === 'function' ? entry.parameters(request) : entry.parameters;
      return { kind: 'proposal', parameters, note: entry.note ?? `scripted proposal ${call + 1}`, usage };
    },
  };
  const components = options.components;
  return components === undefined ? proposer : { ...proposer, components };
}
