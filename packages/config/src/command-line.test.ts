import { describe, expect, it } from 'vitest';
import { commandLineOf, shellQuote } from './command-line';

describe('commandLineOf', () => {
  it('quotes only the arguments a shell would split or expand', () => {
    expect(shellQuote('--max-cost')).toBe('--max-cost');
    expect(shellQuote('my dir')).toBe("'my dir'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(commandLineOf('ratchet-autoloop', ['--target', 'a b', '--max-iterations', '3'])).toBe(
      "ratchet-autoloop --target 'a b' --max-iterations 3",
    );
  });
});
