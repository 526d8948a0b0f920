import { describe, expect, it } from 'vitest';
import { extractFencedBlock, fenced } from './fenced-block';

describe('fenced', () => {
  it('uses a fence longer than any backtick run in the text', () => {
    expect(fenced('Be brief.')).toBe('```\nBe brief.\n```');
    expect(fenced('quote ```js\nx\n``` end', 'text')).toBe('````text\nquote ```js\nx\n``` end\n````');
  });
});

describe('extractFencedBlock', () => {
  it('takes the body of the first block, dropping its info string', () => {
    expect(extractFencedBlock('New value:\n```text\nLine one.\nLine two.\n```\nWhy: shorter.')).toEqual({
      kind: 'block',
      body: 'Line one.\nLine two.',
    });
    expect(extractFencedBlock('```json\n{"a":1}\n```\n```\nsecond\n```')).toEqual({ kind: 'block', body: '{"a":1}' });
  });

  it('reads back what fenced wrote, inner fences included', () => {
    const value = 'Run:\n```sh\nnpm test\n```\nthen stop.';
    expect(extractFencedBlock(`Sure.\n${fenced(value)}`)).toEqual({ kind: 'block', body: value });
  });

  it('tells a missing block from an unclosed one', () => {
    expect(extractFencedBlock('Just be brief.')).toEqual({ kind: 'missing' });
    expect(extractFencedBlock('inline ``` is not a fence')).toEqual({ kind: 'missing' });
    expect(extractFencedBlock('```\nBe brief, and')).toEqual({ kind: 'unclosed' });
    expect(extractFencedBlock('````\nBe brief\n```')).toEqual({ kind: 'unclosed' });
  });
});
