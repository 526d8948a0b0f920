/** What a model's answer held where a program was asked for. */
export type ProgramBlock =
  | { readonly kind: 'program'; readonly source: string }
  | { readonly kind: 'rejected'; readonly reason: string };

const opening = /^ {0,3}(`{3,})\s*([\w+-]*)\s*$/;

/**
 * Takes the program out of a model's answer: the first fenced block whose info string is empty, `js`,
 * `javascript` or `mjs` (a ```json block of notes is skipped). Refuses an answer cut off at the token
 * limit (a truncated program may still parse, and would be scored as if the model meant it), an answer
 * with no such block or an unclosed one, an empty block, and one longer than `maxChars`.
 *
 * @example
 * programBlock('Here:\n```js\nexport default async function (ctx) { await ctx.shot(); }\n```', { truncated: false, maxChars: 20000 });
 * // => { kind: 'program', source: 'export default async function (ctx) { await ctx.shot(); }' }
 */
export function programBlock(answer: string, options: { truncated: boolean; maxChars: number }): ProgramBlock {
  if (options.truncated) {
    return {
      kind: 'rejected',
      reason: 'the answer was cut off at the output token limit, so the program is incomplete',
    };
  }
  const lines = answer.split(/\r?\n/);
  for (let start = 0; start < lines.length; start++) {
    const match = opening.exec(lines[start] as string);
    if (!match) continue;
    const fence = (match[1] as string).length;
    const info = (match[2] as string).toLowerCase();
    const closing = new RegExp(`^ {0,3}\`{${fence},}\\s*$`);
    const end = lines.findIndex((line, index) => index > start && closing.test(line));
    if (end === -1) return { kind: 'rejected', reason: 'the code block was never closed' };
    if (!['', 'js', 'javascript', 'mjs'].includes(info)) {
      start = end;
      continue;
    }
    const source = lines.slice(start + 1, end).join('\n');
    if (source.trim() === '') return { kind: 'rejected', reason: 'the code block is empty' };
    if (source.length > options.maxChars) {
      return {
        kind: 'rejected',
        reason: `the program has ${source.length} characters, above the limit of ${options.maxChars}`,
      };
    }
    return { kind: 'program', source };
  }
  return { kind: 'rejected', reason: 'the answer has no ```js code block holding the program' };
}
