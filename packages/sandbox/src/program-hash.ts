import { createHash } from 'node:crypto';

/**
 * A program's identity: the first 16 hex digits of the SHA-256 of its source (UTF-8), the same width
 * as a controller's hash. Any edit, even whitespace, makes another program.
 *
 * @example
 * programHash('export default async function (ctx) { await ctx.shot(); }'); // => 16 hex digits
 */
export function programHash(source: string): string {
  return createHash('sha256').update(source, 'utf8').digest('hex').slice(0, 16);
}
