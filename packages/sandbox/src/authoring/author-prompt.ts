import type { AuthoringExample } from './authoring-types';

/** A fence longer than any run of backticks in the text, so quoted code cannot close the block early. */
function fence(text: string, info: string): string {
  const longest = Math.max(0, ...Array.from(text.matchAll(/`+/g), (match) => match[0].length));
  const bar = '`'.repeat(Math.max(3, longest + 1));
  return `${bar}${info}\n${text}\n${bar}`;
}

/**
 * The first message of an authoring conversation: what a strategy program is, the API it may use (and
 * nothing else exists), example programs with what is known of each, the goal, and the answer format
 * the draft is then checked against.
 */
export function authorPrompt(input: {
  readonly reference: string;
  readonly examples: readonly AuthoringExample[];
  readonly goal: string;
  readonly maxSourceChars: number;
}): string {
  const examples = input.examples.map(
    (example, index) => `### Example ${index + 1}: ${example.name} (${example.note})\n${fence(example.source, 'js')}`,
  );
  return [
    'You write strategy programs for Ratchet. A strategy decides how an AI agent (the worker) spends k attempts on one task: when to start fresh, when to continue from an earlier attempt, which findings to steer the next attempt by, and which attempt is the final answer. Your program runs in a sandbox: a JavaScript engine with only the API below. There is no file system, network, clock, timer, require or import.',
    `## The strategy API\n\n${input.reference}`,
    ...(examples.length === 0 ? [] : [`## Example programs\n\n${examples.join('\n\n')}`]),
    `## Your task\n\n${input.goal}`,
    `Answer with the complete program as an ES module in one \`\`\`js code block: \`export default async function (ctx) { … }\`, optionally \`export const name = '…'\` (a short label). At most ${input.maxSourceChars} characters; nothing but the program inside the block.`,
  ].join('\n\n');
}

/** The message that sends a refused draft back: what was wrong, and the request to write the whole program again. */
export function revisionPrompt(message: string): string {
  return `That draft was refused: ${message}\n\nWrite the whole program again with this fixed, in one \`\`\`js code block.`;
}
