const numberPattern = String.raw`[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?`;
const wholeNumber = new RegExp(`^${numberPattern}$`);
const anyNumber = /[+-]?(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?(?:[eE][+-]?\d+)?|[+-]?\.\d+(?:[eE][+-]?\d+)?/g;

/** How a text output is read as a number: the whole text, or the last number written in it. */
export type NumberParsing = 'strict' | 'last-number';

/**
 * Reads a number from an output: a finite number as is; a string whose trimmed text is one decimal
 * number (`-1.5`, `1e3`, `1,234.5` with thousands commas) in `strict` mode, or the last such number in
 * the text in `last-number` mode (`'so the answer is 42.'` → 42). Returns null when there is none.
 *
 * @example
 * parseNumber(' 1,234.5 ', 'strict'); // => 1234.5
 * parseNumber('3 apples, then 7', 'last-number'); // => 7
 */
export function parseNumber(value: unknown, parsing: NumberParsing): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  let candidate: string | undefined;
  if (parsing === 'strict') {
    candidate = wholeNumber.test(text) && /\d/.test(text) ? text : undefined;
  } else {
    candidate = text.match(anyNumber)?.at(-1);
  }
  if (candidate === undefined) return null;
  const number = Number(candidate.replaceAll(',', ''));
  return Number.isFinite(number) ? number : null;
}
