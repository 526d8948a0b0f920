import { describe, expect, it } from 'vitest';
import { HeadBuffer } from './head-buffer';

describe('HeadBuffer', () => {
  it('keeps the first maxLines lines, whatever the chunking, and drops the rest', () => {
    const head = new HeadBuffer({ maxLines: 2, maxChars: 100 });
    for (const chunk of ['first li', 'ne\nsecond line\nthi', 'rd line\nfourth\n']) head.push(Buffer.from(chunk));
    expect(head.text()).toBe('first line\nsecond line');
  });

  it('keeps the first maxChars characters of a long line', () => {
    const head = new HeadBuffer({ maxLines: 20, maxChars: 5 });
    head.push(Buffer.from('abcdefghij'));
    head.push(Buffer.from('\nmore'));
    expect(head.text()).toBe('abcde');
  });

  it('decodes a character split across chunks, and drops the trailing line break', () => {
    const head = new HeadBuffer({ maxLines: 20, maxChars: 100 });
    const bytes = Buffer.from('é: Cannot find module\n');
    head.push(bytes.subarray(0, 1));
    head.push(bytes.subarray(1));
    expect(head.text()).toBe('é: Cannot find module');
  });

  it('is empty for a stream that wrote nothing', () => {
    expect(new HeadBuffer({ maxLines: 20, maxChars: 4000 }).text()).toBe('');
  });
});
