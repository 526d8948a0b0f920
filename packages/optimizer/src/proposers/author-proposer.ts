import {
  type AuthoringExample,
  type AuthorStrategyOptions,
  authorStrategy,
  type SmokeResult,
  type StrategyProgram,
} from '@ratchet/sandbox';
import type { LanguageModel } from 'ai';
import { fenced } from './fenced-block';
import type { TokenPrice } from './model-call-usage';
import type { ProposalResult, Proposer, ProposerUsage } from './proposer';
import { checkNumberOption } from './proposer-options-error';
import { renderReflectiveDataset } from './reflective-dataset';

export interface AuthorProposerOptions {
  readonly model: LanguageModel;
  /** The program component of the candidates' controller (default `program`). */
  readonly component?: string;
  /** Programs the model learns from: the built-ins as sandbox programs, certified programs from the corpus. */
  readonly examples: readonly AuthoringExample[];
  /** The strategy API as the model is told it (the sandbox's `strategyApiReference`). */
  readonly reference: string;
  /** Compiles a draft in the sandbox (`compileProgram`). */
  readonly compile: (source: string) => Promise<StrategyProgram>;
  /** Smoke-runs a compiled draft on a few `sim` tasks before it may cost an evaluation. */
  readonly smoke: (program: StrategyProgram) => Promise<SmokeResult>;
  /** Revisions of a refused draft (default 2). */
  readonly rounds?: number;
  /** Most output tokens a call (default 4096). */
  readonly maxTokens?: number;
  /** Most tokens the parent's minibatch may take in the goal (default 6000). */
  readonly datasetTokenBudget?: number;
  /** Dollars per million tokens: usage is then `estimated`; without it, `unknown` with `usd: null`. */
  readonly price?: TokenPrice;
}

const name = 'authorProposer';

function usageOf(
  usage: { calls: number; tokensIn: number | null; tokensOut: number | null },
  price?: TokenPrice,
): ProposerUsage {
  const { calls, tokensIn, tokensOut } = usage;
  if (price === undefined || tokensIn === null || tokensOut === null) {
    return { calls, tokensIn, tokensOut, usd: null, costProvenance: 'unknown' };
  }
  const usd = (tokensIn * price.inputPerMTok + tokensOut * price.outputPerMTok) / 1_000_000;
  return { calls, tokensIn, tokensOut, usd, costProvenance: 'estimated' };
}

/**
 * GEPA's proposer over strategy programs: the candidate's `program` component is JavaScript source run in
 * the sandbox, and a model (`authorStrategy`) rewrites it from the parent's program and its minibatch
 * attempts. A draft reaches the search only after it compiled and passed a smoke run, so a broken or
 * truncated program costs model calls, never an evaluation; the program's content hash is part of the
 * candidate's hash, like any other component.
 */
export function authorProposer(options: AuthorProposerOptions): Proposer {
  const component = options.component ?? 'program';
  const rounds = checkNumberOption(name, 'rounds', options.rounds ?? 2, {
    min: 0,
    minInclusive: true,
    integer: true,
    example: 'rounds: 2',
  });
  const datasetTokenBudget = checkNumberOption(name, 'datasetTokenBudget', options.datasetTokenBudget ?? 6000, {
    min: 1,
    minInclusive: true,
    integer: true,
    example: 'datasetTokenBudget: 6000',
  });
  return {
    id: 'author',
    reflective: true,
    components: (parent) => (component in parent.controller.parameters ? [component] : []),
    async propose(request): Promise<ProposalResult> {
      const parentSource = request.parent.controller.parameters[component];
      if (typeof parentSource !== 'string') {
        return {
          kind: 'invalid',
          reason: `the parent has no program in "${component}"`,
          usage: { calls: 0, tokensIn: 0, tokensOut: 0, usd: 0, costProvenance: 'none' },
        };
      }
      const dataset = renderReflectiveDataset(request.examples, datasetTokenBudget);
      const goal = [
        'Improve this program. It is the current strategy:',
        fenced(parentSource, 'js'),
        'Below are tasks it ran: for each, the task input and its score (higher is better), and for each attempt the steer it was given, its output, its checks, its trace summary and any failure. Write a program that would score higher on tasks like these: a general policy over attempts, not answers to these tasks.',
        dataset.examplesShown === 0 ? '(No example fits the budget.)' : dataset.text,
      ].join('\n\n');
      const authoring: AuthorStrategyOptions = {
        model: options.model,
        examples: options.examples,
        goal,
        rounds,
        reference: options.reference,
        compile: options.compile,
        smoke: options.smoke,
        ...(options.maxTokens === undefined ? {} : { budget: { maxOutputTokens: options.maxTokens } }),
        ...(request.signal === undefined ? {} : { signal: request.signal }),
      };
      const result = await authorStrategy(authoring);
      const usage = usageOf(result.usage, options.price);
      if (result.kind === 'failed') return { kind: 'invalid', reason: result.reason, usage };
      const source = result.program.source;
      if (source === parentSource) {
        return { kind: 'invalid', reason: 'unchanged: the model rewrote the parent program as it was', usage };
      }
      const parameters = { ...request.parent.controller.parameters, [component]: source };
      const hash = request.parent.controller.withParameters(parameters).hash;
      if (request.rejected.has(hash)) {
        return { kind: 'invalid', reason: `already rejected: candidate ${hash} was rejected for this parent`, usage };
      }
      const revisions = result.drafts.length - 1;
      return {
        kind: 'proposal',
        parameters,
        note: `wrote program ${result.program.name} (${result.program.hash})${revisions === 0 ? '' : ` after ${revisions} revision${revisions === 1 ? '' : 's'}`}`,
        usage,
      };
    },
  };
}
