import { describe, expect, it } from 'vitest';
import { displayCommand } from './display-command';

describe('displayCommand', () => {
  it('quotes arguments for a shell and shows long ones by length only', () => {
    expect(displayCommand('claude', ['-p', '{message}', "it's", 'x'.repeat(81)])).toBe(
      "claude -p '{message}' 'it'\\''s' <81 chars>",
    );
  });
});
