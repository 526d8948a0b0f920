/**
 * Wraps text in a Markdown code fence longer than any run of backticks inside it, so a value that
 * itself holds a fence (a steer quoting code) cannot close the block early (CommonMark §4.5).
 *
 * @example
 * fenced('a ``` b', 'text'); // => '````text\na ``` b\n````'
 */
export function fenced(text: string, info = ''): string {
  const longest = Math.max(0, ...Array.from(text.matchAll(/`+/g), (match) => match[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${text}\n${fence}`;
}

/** The first fenced block of a model's answer, or why there is none. */
export type FencedBlock =
  | { readonly kind: 'block'; readonly body: string }
  | { readonly kind: 'missing' }
  | { readonly kind: 'unclosed' };

/**
 * Finds the first fenced code block of an answer: an opening line of three or more backticks (an info
 * string such as `json` allowed) and the next line holding only a fence at least as long. The first
 * block, not the last: the prompt asks for the value in one block, and text after it is commentary.
 *
 * @example
 * extractFencedBlock('Here:\n```text\nBe brief.\n```'); // => { kind: 'block', body: 'Be brief.' }
 * extractFencedBlock('```\nBe brief.'); // => { kind: 'unclosed' }
 */
export function extractFencedBlock(answer: string): FencedBlock {
  const lines = answer.split(/\r?\n/);
  const start = lines.findIndex((line) => /^ {0,3}`{3,}[^`]*$/.test(line));
  if (start === -1) return { kind: 'missing' };
  const opening = /`{3,}/.exec(lines[start] as string)?.[0].length ?? 3;
  const closing = new RegExp(`^ {0,3}\`{${opening},}\\s*$`);
  const end = lines.findIndex((line, index) => index > start && closing.test(line));
  if (end === -1) return { kind: 'unclosed' };
  return { kind: 'block', body: lines.slice(start + 1, end).join('\n') };
}
