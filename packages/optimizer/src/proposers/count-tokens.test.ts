import { countTokens as eagerCountTokens } from 'gpt-tokenizer';
import { describe, expect, it } from 'vitest';
import { countTokens } from './count-tokens';

describe('countTokens', () => {
  it('counts o200k_base tokens as gpt-tokenizer does', () => {
    // 'hello world' is two o200k_base tokens ("hello", " world").
    expect(countTokens('hello world')).toBe(2);
    const text = '### Example 1: task t1 (score 0)\nTask input:\n```\n[1, 2, 3]\n```';
    expect(countTokens(text)).toBe(eagerCountTokens(text));
    expect(countTokens('')).toBe(0);
  });
});
