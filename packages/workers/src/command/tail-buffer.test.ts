import { describe, expect, it } from 'vitest';
import { TailBuffer } from './tail-buffer';

describe('TailBuffer', () => {
  it('keeps the last maxBytes bytes and counts the ones before', () => {
    const tail = new TailBuffer(5);
    for (const chunk of ['abc', 'defg', 'hi']) tail.push(Buffer.from(chunk));
    expect(tail.result()).toEqual({ text: 'efghi', bytes: 9, droppedBytes: 4 });
  });
});
