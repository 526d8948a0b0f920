import { describe, expect, it } from 'vitest';
import { InvalidOptionsError } from './invalid-options-error';
import { normalizeText } from './normalize-text';

describe('normalizeText', () => {
  it('trims and composes to NFC by default, keeping case and inner whitespace', () => {
    // 'e' + U+0301 COMBINING ACUTE composes to U+00E9.
    expect(normalizeText('  Cafe\u0301  Au\tLait \n')).toBe('Caf\u00e9  Au\tLait');
  });

  it('folds case and collapses whitespace when asked', () => {
    expect(normalizeText('  Cafe\u0301  AU\t\nlait ', { ignoreCase: true, collapseWhitespace: true })).toBe(
      'café au lait',
    );
  });

  it('applies compatibility forms with NFKC and leaves text alone with none', () => {
    // U+FB01 LATIN SMALL LIGATURE FI decomposes to "fi" under NFKC only.
    expect(normalizeText('\ufb01le', { unicode: 'NFKC' })).toBe('file');
    expect(normalizeText('\ufb01le')).toBe('\ufb01le');
    expect(normalizeText(' e\u0301 ', { unicode: 'none', trim: false })).toBe(' e\u0301 ');
  });

  it('refuses unknown options', () => {
    expect(() => normalizeText('x', { unicode: 'NFD' } as never)).toThrow(InvalidOptionsError);
    expect(() => normalizeText('x', { caseless: true } as never)).toThrow(/normalizeText: invalid options — \(root\)/);
  });
});
