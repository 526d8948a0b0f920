import { describe, expect, it } from 'vitest';
import { LineSplitter } from './line-splitter';

function split(chunks: Array<string | Uint8Array>, maxLineBytes = 100): Array<[string, number]> {
  const lines: Array<[string, number]> = [];
  const splitter = new LineSplitter(maxLineBytes, (line, dropped) => lines.push([line, dropped]));
  for (const chunk of chunks) splitter.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  splitter.end();
  return lines;
}

describe('LineSplitter', () => {
  it('splits on line breaks across chunks and drops a trailing carriage return', () => {
    expect(split(['a\r\nb', 'c\n\nd'])).toEqual([
      ['a', 0],
      ['bc', 0],
      ['', 0],
      ['d', 0],
    ]);
  });

  it('decodes a character split between chunks', () => {
    const euro = Buffer.from('€\n');
    expect(split([euro.subarray(0, 1), euro.subarray(1)])).toEqual([['€', 0]]);
  });

  it('keeps maxLineBytes of a long line and counts the rest', () => {
    expect(split(['x'.repeat(250), 'y\nz'], 100)).toEqual([
      ['x'.repeat(100), 151],
      ['z', 0],
    ]);
  });
});
