import { generateText, type ModelMessage } from 'ai';
import { authorPrompt, revisionPrompt } from './author-prompt';
import type { AuthoringDraft, AuthoringResult, AuthoringUsage, AuthorStrategyOptions } from './authoring-types';
import { programBlock } from './program-block';

const defaultMaxOutputTokens = 4096;
const defaultMaxSourceChars = 20_000;

function added(total: AuthoringUsage, tokensIn: number | undefined, tokensOut: number | undefined): AuthoringUsage {
  return {
    calls: total.calls + 1,
    tokensIn: total.tokensIn === null || tokensIn === undefined ? null : total.tokensIn + tokensIn,
    tokensOut: total.tokensOut === null || tokensOut === undefined ? null : total.tokensOut + tokensOut,
  };
}

/**
 * A model writes a strategy program. It is shown the strategy API, example programs (the built-ins and
 * certified programs from the corpus) and the goal, and answers with a program in a code block. Each
 * draft is checked in order — the answer's form (truncation, one js block, size), then `compile` in the
 * sandbox, then `smoke` on a few tasks — and a refused draft goes back to the model with the reason,
 * up to `rounds` revisions. A truncated or malformed answer is refused before anything runs, so it
 * spends no evaluation. The first draft that passes all three is the result.
 *
 * @example
 * const result = await authorStrategy({ model, examples: builtInExamples, goal, rounds: 2, reference, compile, smoke });
 * // => { kind: 'program', program: { source, hash: '3f…', name: 'refine-twice' }, drafts: [...], usage: { calls: 2, … } }
 */
export async function authorStrategy(options: AuthorStrategyOptions): Promise<AuthoringResult> {
  const maxOutputTokens = options.budget?.maxOutputTokens ?? defaultMaxOutputTokens;
  const maxSourceChars = options.maxSourceChars ?? defaultMaxSourceChars;
  if (!Number.isInteger(options.rounds) || options.rounds < 0) {
    throw new RangeError(`authorStrategy: rounds must be a whole number ≥ 0, received ${options.rounds}`);
  }
  const messages: ModelMessage[] = [
    {
      role: 'user',
      content: authorPrompt({
        reference: options.reference,
        examples: options.examples,
        goal: options.goal,
        maxSourceChars,
      }),
    },
  ];
  const drafts: AuthoringDraft[] = [];
  let usage: AuthoringUsage = { calls: 0, tokensIn: 0, tokensOut: 0 };
  const failed = (reason: string): AuthoringResult => ({ kind: 'failed', reason, drafts, usage });

  for (let round = 0; round <= options.rounds; round++) {
    const cap = options.budget?.maxTotalTokens;
    if (
      cap !== undefined &&
      usage.tokensIn !== null &&
      usage.tokensOut !== null &&
      usage.tokensIn + usage.tokensOut >= cap
    ) {
      return failed(`the token budget (${cap}) is spent after ${usage.calls} calls`);
    }
    const answer = await generateText({
      model: options.model,
      messages,
      maxOutputTokens,
      ...(options.signal ? { abortSignal: options.signal } : {}),
    });
    usage = added(usage, answer.usage.inputTokens, answer.usage.outputTokens);
    messages.push({ role: 'assistant', content: answer.text });
    const block = programBlock(answer.text, { truncated: answer.finishReason === 'length', maxChars: maxSourceChars });
    const refuse = (outcome: AuthoringDraft['outcome'], message: string, source: string | null) => {
      drafts.push({ round, outcome, message, source });
      messages.push({ role: 'user', content: revisionPrompt(message) });
    };
    if (block.kind === 'rejected') {
      refuse('rejected', block.reason, null);
      continue;
    }
    let program: Awaited<ReturnType<AuthorStrategyOptions['compile']>>;
    try {
      program = await options.compile(block.source);
    } catch (error) {
      refuse('compile-error', `it does not compile in the sandbox: ${(error as Error).message}`, block.source);
      continue;
    }
    const smoke = await options.smoke(program);
    if (!smoke.ok) {
      refuse('smoke-failed', `it failed when run on sample tasks: ${smoke.error}`, block.source);
      continue;
    }
    drafts.push({ round, outcome: 'accepted', message: smoke.note, source: block.source });
    return { kind: 'program', program, drafts, usage };
  }
  const last = drafts.at(-1);
  return failed(
    `no draft passed in ${options.rounds + 1} attempt${options.rounds === 0 ? '' : 's'}${last ? `; the last was refused: ${last.message}` : ''}`,
  );
}
