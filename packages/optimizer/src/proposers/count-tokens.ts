import { createRequire } from 'node:module';

type CountTokens = (text: string) => number;

let loaded: CountTokens | undefined;

/**
 * Tokens of `text` in o200k_base (gpt-tokenizer's default encoding). The tokenizer is loaded on the
 * first call, not when the package is imported: its encoding tables take about 50 MiB resident, which
 * every process importing `@ratchet/optimizer` would otherwise pay though only reflective prompts count
 * tokens. Loaded through `require` so the count stays synchronous.
 *
 * @example
 * countTokens('hello world'); // => 2
 */
export function countTokens(text: string): number {
  loaded ??= (createRequire(import.meta.url)('gpt-tokenizer') as { countTokens: CountTokens }).countTokens;
  return loaded(text);
}
