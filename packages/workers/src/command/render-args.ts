import type { AttemptInput, TaskView } from '@ratchet/runtime';

/** The texts an attempt's arguments are built from. */
export interface PromptTexts {
  /** The task's prompt, from `renderPrompt`. */
  readonly prompt: string;
  /** The steer's text; empty when the attempt has no steer. */
  readonly steer: string;
  /** What the agent is told: the prompt, then a blank line and the steer when there is one. */
  readonly message: string;
}

/** Builds an attempt's arguments in code, when a template is not enough. */
export type ArgsFunction = (input: AttemptInput, texts: PromptTexts) => readonly string[];

const placeholder = /\{(prompt|steer|message|taskId|seed)\}/g;

/**
 * The prompt of a task: its input when that is a string, its `prompt` field when that is a string,
 * and otherwise its input as indented JSON.
 */
export function defaultRenderPrompt(task: TaskView): string {
  const input = task.input;
  if (typeof input === 'string') return input;
  if (typeof input === 'object' && input !== null && typeof (input as { prompt?: unknown }).prompt === 'string') {
    return (input as { prompt: string }).prompt;
  }
  return JSON.stringify(input, null, 2) ?? String(input);
}

/** The prompt, steer and message of one attempt. */
export function promptTexts(input: AttemptInput, renderPrompt: (task: TaskView) => string): PromptTexts {
  const prompt = renderPrompt(input.task);
  const steer = input.steer?.text ?? '';
  return { prompt, steer, message: steer === '' ? prompt : `${prompt}\n\n${steer}` };
}

/**
 * Fills an argument template: `{prompt}`, `{steer}`, `{message}`, `{taskId}` and `{seed}` are replaced
 * wherever they appear in an argument (so `--message={message}` works); other braces are left as
 * they are. Each argument stays one argument: nothing goes through a shell, so no quoting is needed.
 *
 * @example
 * renderArgs(['-p', '{message}'], input, { prompt: 'Fix it', steer: 'Run the tests', message: 'Fix it\n\nRun the tests' })
 * // => ['-p', 'Fix it\n\nRun the tests']
 */
export function renderArgs(template: readonly string[], input: AttemptInput, texts: PromptTexts): string[] {
  const values: Record<string, string> = { ...texts, taskId: input.task.id, seed: input.seed };
  return template.map((arg) => arg.replace(placeholder, (_, name: string) => values[name] ?? ''));
}
