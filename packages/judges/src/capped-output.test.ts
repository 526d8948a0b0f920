import { describe, expect, it } from 'vitest';
import { CappedOutput } from './capped-output';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('CappedOutput', () => {
  it('keeps the first bytes up to the cap and counts the rest', () => {
    const output = new CappedOutput(5);
    output.push(bytes('abc'));
    output.push(bytes('defgh'));
    output.push(bytes('ij'));
    expect(output.result()).toEqual({ text: 'abcde', bytes: 10, droppedBytes: 5 });
  });

  it('keeps everything under the cap', () => {
    const output = new CappedOutput(100);
    output.push(bytes('héllo'));
    expect(output.result()).toEqual({ text: 'héllo', bytes: 6, droppedBytes: 0 });
  });

  it('replaces a character cut at the cap with U+FFFD', () => {
    const output = new CappedOutput(2);
    output.push(bytes('aé'));
    expect(output.result()).toEqual({ text: 'a\ufffd', bytes: 3, droppedBytes: 1 });
  });
});
