import { z } from 'zod';
import { parseOptions } from './parse-options';

/** How text is normalised before comparison. Every step is off unless noted. */
export const normalizeTextOptionsSchema = z.strictObject({
  /** Unicode normal form applied first; `NFC` (default) makes composed and decomposed accents equal. */
  unicode: z.enum(['NFC', 'NFKC', 'none']).default('NFC'),
  /** Lower-case both sides, so `Paris` equals `paris`. */
  ignoreCase: z.boolean().default(false),
  /** Replace every run of whitespace (spaces, tabs, newlines) with one space. */
  collapseWhitespace: z.boolean().default(false),
  /** Remove leading and trailing whitespace (default true). */
  trim: z.boolean().default(true),
});
export type NormalizeTextOptions = z.input<typeof normalizeTextOptionsSchema>;

/**
 * Normalises text for comparison: Unicode normal form, then case, then whitespace collapse, then trim.
 *
 * @throws {InvalidOptionsError} when an option has the wrong type.
 * @example
 * normalizeText('  Cafe\u0301  AU  lait ', { ignoreCase: true, collapseWhitespace: true }); // => 'café au lait'
 */
export function normalizeText(text: string, options: NormalizeTextOptions = {}): string {
  return createTextNormalizer(options)(text);
}

/** Validates the options once and returns the normaliser, for judges that apply it many times. */
export function createTextNormalizer(options: NormalizeTextOptions = {}): (text: string) => string {
  const parsed = parseOptions('normalizeText', normalizeTextOptionsSchema, options);
  return (text) => {
    let result = parsed.unicode === 'none' ? text : text.normalize(parsed.unicode);
    if (parsed.ignoreCase) result = result.toLowerCase();
    if (parsed.collapseWhitespace) result = result.replace(/\s+/gu, ' ');
    if (parsed.trim) result = result.trim();
    return result;
  };
}
