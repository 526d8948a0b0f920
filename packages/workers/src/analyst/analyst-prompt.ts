import type { AttemptView, History } from '@ratchet/runtime';
import { type CompressionNote, compressTrace } from './compress-trace';
import { charsPerToken, estimateTokens } from './estimate-tokens';

export interface AnalystPrompt {
  readonly system: string;
  readonly prompt: string;
  readonly compression: CompressionNote;
}

const clip = (text: string, chars: number) =>
  text.length <= chars ? text : `${text.slice(0, Math.max(0, chars))}… (+${text.length - chars} chars)`;
const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/**
 * The analyst's prompt for one attempt, within `budgetTokens` (estimated as characters / 4): the steer
 * it was given, its output, its checks and earlier attempts, each clipped to a share of the budget, and
 * its trace compressed into what is left. Built field by field from the view, so nothing but what a
 * strategy may see (never a verdict) can reach the model.
 */
export function analystPrompt(
  attempt: AttemptView,
  history: History,
  options: { readonly budgetTokens: number; readonly maxFindings: number },
): AnalystPrompt {
  const budgetChars = options.budgetTokens * charsPerToken;
  const share = (fraction: number) => Math.floor(budgetChars * fraction);
  const earlier = history.filter((other) => other.attemptId !== attempt.attemptId && other.index < attempt.index);
  const checks = attempt.checks.map(
    (check) =>
      `- ${check.name}: ${check.passed === null ? 'no pass/fail' : check.passed ? 'passed' : 'failed'}` +
      `${check.score === null ? '' : `, score ${check.score}`}${check.details === undefined ? '' : `, details ${show(check.details)}`}`,
  );
  const previous = earlier.map((other) => {
    const passed = other.checks.filter((check) => check.passed === true).length;
    return `- attempt ${other.index}: checks passed ${passed}/${other.checks.length}; output ${clip(show(other.output), 200)}`;
  });
  const head = [
    `Attempt ${attempt.index} of this task (0-based)${attempt.from === null ? '' : `, continuing from ${attempt.from}`}.`,
    `Steer it was given: ${attempt.steer ? clip(attempt.steer.text, share(0.1)) : '(none)'}`,
    `Output: ${clip(show(attempt.output), share(0.12))}`,
    `Checks:\n${checks.length > 0 ? clip(checks.join('\n'), share(0.12)) : '(none)'}`,
    `Usage: ${attempt.usage.turns ?? '?'} turns, ${attempt.usage.tokensIn ?? '?'} tokens in, ${attempt.usage.tokensOut ?? '?'} out.`,
    `Earlier attempts:\n${previous.length > 0 ? clip(previous.join('\n'), share(0.1)) : '(none)'}`,
  ].join('\n\n');
  // The trace gets what the rest left, and never less than a third of the budget.
  const traceBudget = Math.max(Math.floor(options.budgetTokens / 3), options.budgetTokens - estimateTokens(head) - 150);
  const trace = compressTrace(attempt.events, traceBudget);
  const prompt = `${head}\n\nTrace. ${trace.note.text}\n<trace>\n${trace.text}\n</trace>`;
  const system = [
    "You review one attempt of an AI agent at a task, from the attempt's execution trace.",
    'Report concrete, checkable observations that would help the next attempt do better: errors and how they',
    'arose, wrong or wasted tool use, loops, checks that failed and why, requirements the output missed, stopping',
    'too early. Say only what the trace, output and checks show; do not guess at a hidden answer.',
    `Answer with JSON only, in this shape, with at most ${options.maxFindings} findings, most useful first:`,
    '{"findings":[{"claim":"…","evidence":"…","events":[3,4]}]}',
    'where "events" lists the #indices of the trace events the finding rests on.',
    'Return {"findings":[]} only when the trace gives nothing worth changing.',
  ].join('\n');
  return { system, prompt, compression: trace.note };
}
