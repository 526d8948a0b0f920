import { canonicalJson, type JsonValue } from '@ratchet/corpus';
import { type ControllerParameters, InvalidControllerError } from '@ratchet/runtime';
import { generateText, type LanguageModel } from 'ai';
import { extractFencedBlock } from './fenced-block';
import { modelCallUsage, type TokenPrice } from './model-call-usage';
import { parameterSpaceOf, type SchemaNode } from './parameter-space';
import type { ProposalRequest, ProposalResult, Proposer, ProposerUsage } from './proposer';
import { checkNumberOption, ProposerOptionsError } from './proposer-options-error';
import { renderReflectiveDataset } from './reflective-dataset';
import { buildReflectivePrompt, defaultReflectionInstructions } from './reflective-prompt';

export interface ReflectiveProposerOptions {
  readonly model: LanguageModel;
  /** Most output tokens. Default 4096: a component of `maxComponentChars` (≈ 2,000 tokens) and a short preface. */
  readonly maxTokens?: number;
  /** Most tokens the minibatch may take in the prompt. Default 8000: room for a few tasks' attempts in any current context window. */
  readonly datasetTokenBudget?: number;
  /** Longest answer block accepted. Default 8000 characters: the schema is the real bound; this stops a runaway answer first. */
  readonly maxComponentChars?: number;
  /** Guidance for the model in place of `defaultReflectionInstructions` (the answer format is fixed). */
  readonly instructions?: string;
  /** Dollars per million tokens: usage is then `estimated`; without it, `unknown` with `usd: null`. */
  readonly price?: TokenPrice;
  /**
   * The only components it rewrites (e.g. `["skill"]`), in turn; default every component of the parent.
   * A name the parent's parameters do not have is skipped.
   */
  readonly components?: readonly string[];
}

const name = 'reflectiveProposer';

function schemaIssues(request: ProposalRequest, parameters: ControllerParameters): string | null {
  const checked = request.schema.safeParse(parameters);
  if (checked.success) return null;
  return checked.error.issues
    .map((issue) => `${issue.path.map(String).join('.') || '(parameters)'}: ${issue.message}`)
    .join('; ');
}

function componentSchemaOf(request: ProposalRequest): SchemaNode | undefined {
  try {
    return parameterSpaceOf(request.schema).properties?.[request.component];
  } catch {
    return undefined; // Only shown to the model as a hint; the schema itself still validates the answer.
  }
}

/**
 * GEPA's reflective mutation: shows a language model the parent's value of one component and the
 * parent's minibatch attempts (cut to a token budget; what was cut is stated), and asks for a new value
 * in a fenced block. The answer is checked before it can cost an evaluation: a truncated answer, a
 * missing or unclosed block, an empty or over-long text, a JSON component that is not JSON, parameters
 * the schema refuses (naming the field), an unchanged value, or a hash already rejected for this
 * parent — each is `invalid` with its reason, and its usage is still counted.
 *
 * The prompt is built from the fields of `ReflectiveExample` by name, which has no verdict: the judge
 * never speaks to the model (docs/design.md rule 1).
 *
 * @throws {ProposerOptionsError} when a budget is not a positive integer or a price is negative.
 * @throws what `generateText` throws (a provider or network error, an abort): the loop decides retries.
 * @example
 * const proposer = reflectiveProposer({ model: openai('gpt-4.1-mini'), price: { inputPerMTok: 0.4, outputPerMTok: 1.6 } });
 * await proposer.propose({ parent, component: 'preamble', schema, examples, rejected, random });
 * // => { kind: 'proposal', parameters: { …, preamble: 'Name the failing check first…' }, note: …, usage: { calls: 1, … } }
 */
export function reflectiveProposer(options: ReflectiveProposerOptions): Proposer {
  const integer = (option: string, value: number) =>
    checkNumberOption(name, option, value, {
      min: 1,
      minInclusive: true,
      integer: true,
      example: `${option}: ${value}`,
    });
  const maxTokens = integer('maxTokens', options.maxTokens ?? 4096);
  const datasetTokenBudget = integer('datasetTokenBudget', options.datasetTokenBudget ?? 8000);
  const maxComponentChars = integer('maxComponentChars', options.maxComponentChars ?? 8000);
  const price = options.price;
  if (price !== undefined) {
    for (const key of ['inputPerMTok', 'outputPerMTok'] as const) {
      checkNumberOption(name, `price.${key}`, price[key], {
        min: 0,
        minInclusive: true,
        example: `price: { ${key}: 3 }`,
      });
    }
  }
  const instructions = options.instructions ?? defaultReflectionInstructions;

  const only = options.components;
  if (only !== undefined && only.length === 0) {
    throw new ProposerOptionsError(
      name,
      'components',
      'is empty: name at least one component, or leave it out for all',
      'components: ["skill"]',
    );
  }

  return {
    id: 'reflective',
    reflective: true,
    ...(only === undefined
      ? {}
      : { components: (parent) => only.filter((component) => component in parent.controller.parameters) }),
    async propose(request): Promise<ProposalResult> {
      const { parent, component } = request;
      const before: JsonValue | undefined = parent.controller.parameters[component];
      const isText = typeof before === 'string';
      const dataset = renderReflectiveDataset(request.examples, datasetTokenBudget);
      const prompt = buildReflectivePrompt({
        component,
        value: before,
        componentSchema: isText ? undefined : componentSchemaOf(request),
        dataset,
        datasetTokenBudget,
        maxComponentChars,
        instructions,
      });
      const result = await generateText({
        model: options.model,
        prompt,
        maxOutputTokens: maxTokens,
        ...(request.signal === undefined ? {} : { abortSignal: request.signal }),
      });
      const usage: ProposerUsage = modelCallUsage(result.usage, price);
      const invalid = (reason: string): ProposalResult => ({ kind: 'invalid', reason, usage });

      if (result.finishReason === 'length') {
        return invalid(`truncated: the answer reached maxTokens (${maxTokens}) before it ended`);
      }
      const block = extractFencedBlock(result.text);
      if (block.kind === 'missing') return invalid('no fenced block in the answer');
      if (block.kind === 'unclosed') return invalid('the answer opens a fenced block but never closes it');
      const body = isText ? block.body.trim() : block.body;
      if (body.trim() === '') return invalid(`the block for "${component}" is empty`);
      if (body.length > maxComponentChars) {
        return invalid(
          `the block for "${component}" has ${body.length} characters, above maxComponentChars (${maxComponentChars})`,
        );
      }
      let value: JsonValue;
      if (isText) value = body;
      else {
        try {
          value = JSON.parse(body) as JsonValue;
        } catch {
          // The parser's message quotes the answer; a reason names the problem, not the model's text.
          return invalid(`the block for JSON component "${component}" is not JSON`);
        }
      }
      const parameters: ControllerParameters = { ...parent.controller.parameters, [component]: value };
      const issues = schemaIssues(request, parameters);
      if (issues !== null) return invalid(`the new parameters fail the schema: ${issues}`);
      if (before !== undefined && canonicalJson(before) === canonicalJson(value)) {
        return invalid(`unchanged: the answer repeats the current value of "${component}"`);
      }
      let hash: string;
      try {
        hash = parent.controller.withParameters(parameters).hash;
      } catch (error) {
        if (!InvalidControllerError.isInstance(error)) throw error;
        return invalid(`the controller refuses the new parameters: ${error.message}`);
      }
      if (request.rejected.has(hash))
        return invalid(`already rejected: candidate ${hash} was rejected for this parent`);
      const cut =
        dataset.examplesLeftOut + dataset.attemptsLeftOut === 0
          ? ''
          : ` (${dataset.examplesLeftOut} examples and ${dataset.attemptsLeftOut} attempts left out)`;
      return {
        kind: 'proposal',
        parameters,
        note: `rewrote "${component}" from ${dataset.examplesShown} of ${request.examples.length} examples${cut}`,
        usage,
      };
    },
  };
}
