import type { JsonValue } from '@ratchet/corpus';
import { countTokens } from './count-tokens';
import { fenced } from './fenced-block';
import type { ReflectiveAttempt, ReflectiveExample } from './proposer';

/** The minibatch as a reflection prompt shows it, and what was left out to fit the budget. */
export interface ReflectiveDataset {
  readonly text: string;
  /** Tokens of `text`, counted piece by piece (o200k_base, gpt-tokenizer's default): a model-independent size. */
  readonly tokens: number;
  readonly examplesShown: number;
  /** Examples not shown at all. */
  readonly examplesLeftOut: number;
  /** Attempts dropped from the last example shown. */
  readonly attemptsLeftOut: number;
}

function asText(value: JsonValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

/**
 * Renders one attempt from the fields `ReflectiveAttempt` lists, each by name. Never the whole object:
 * a field that does not belong (a verdict smuggled in at runtime) must not reach the prompt.
 */
function renderAttempt(attempt: ReflectiveAttempt): string {
  const { steer, output, checks, traceSummary, failure } = attempt;
  const lines = [`#### Attempt ${attempt.attempt}`];
  if (steer === null) lines.push('Steer: (none)');
  else {
    lines.push('Steer:', fenced(steer.text));
    if (steer.parameters !== undefined) lines.push(`Steer parameters: ${JSON.stringify(steer.parameters)}`);
  }
  if (output === null) lines.push('Output: (none)');
  else if ('inline' in output) lines.push('Output:', fenced(asText(output.inline)));
  else lines.push('Output: (stored as a blob, not shown)');
  if (checks.length === 0) lines.push('Checks: (none)');
  else {
    lines.push('Checks:');
    for (const check of checks) {
      const passed = check.passed === null ? 'undecided' : check.passed ? 'passed' : 'failed';
      const score = check.score === null ? '' : `, score ${check.score}`;
      const details = check.details === undefined ? '' : `, details ${JSON.stringify(check.details)}`;
      lines.push(`- ${check.name}: ${passed}${score}${details}`);
    }
  }
  lines.push(traceSummary === null ? 'Trace summary: (none)' : `Trace summary:\n${fenced(traceSummary)}`);
  if (failure !== null) lines.push(`Failure: ${failure.reason}: ${failure.message}`);
  return lines.join('\n');
}

function renderHeader(example: ReflectiveExample, index: number): string {
  const score = example.score === null ? 'not measured' : String(example.score);
  return [
    `### Example ${index + 1}: task ${example.taskId} (score ${score})`,
    'Task input:',
    fenced(asText(example.input)),
  ].join('\n');
}

/**
 * Renders the minibatch within a token budget: examples in order, each with its attempts in order,
 * until the next piece would overflow; everything after it is left out whole (an attempt cut in the
 * middle would show an output without its checks). What was left out is counted, so the prompt can
 * say so and the model does not read a partial minibatch as the whole.
 *
 * @param budget - most tokens the rendered examples may take (≥ 1).
 * @example
 * renderReflectiveDataset(examples, 8000); // => { text: '### Example 1: task t1 (score 0)…', examplesLeftOut: 0, … }
 */
export function renderReflectiveDataset(examples: readonly ReflectiveExample[], budget: number): ReflectiveDataset {
  const parts: string[] = [];
  let tokens = 0;
  let examplesShown = 0;
  let attemptsLeftOut = 0;
  const fits = (piece: string): boolean => {
    const cost = countTokens(`${piece}\n\n`);
    if (tokens + cost > budget) return false;
    parts.push(piece);
    tokens += cost;
    return true;
  };
  for (const [index, example] of examples.entries()) {
    if (!fits(renderHeader(example, index))) break;
    examplesShown++;
    const shown = example.attempts.findIndex((attempt) => !fits(renderAttempt(attempt)));
    if (shown !== -1) {
      attemptsLeftOut = example.attempts.length - shown;
      break;
    }
  }
  return {
    text: parts.join('\n\n'),
    tokens,
    examplesShown,
    examplesLeftOut: examples.length - examplesShown,
    attemptsLeftOut,
  };
}
