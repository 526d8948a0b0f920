import { describe, expect, it } from 'vitest';
import { TapCounter } from './tap-counter';

function count(...chunks: string[]) {
  const counter = new TapCounter();
  for (const chunk of chunks) counter.write(new TextEncoder().encode(chunk));
  return counter.end();
}

describe('TapCounter', () => {
  it('counts passes, failures, skips and todos', () => {
    const summary = count('TAP version 13\nok 1 - a\nnot ok 2 - b\nok 3 # SKIP c\nnot ok 4 - d # TODO later\n1..4\n');
    expect(summary).toEqual({ sawTap: true, counts: { passed: 1, failed: 1, skipped: 2 }, planned: 4, bailout: false });
  });

  it('counts a subtest once, by the point that closes it', () => {
    const summary = count(
      '# Subtest: s\n    ok 1 - inner\n    not ok 2 - inner\n    1..2\nnot ok 1 - s\nok 2 - t\n1..2\n',
    );
    expect(summary.counts).toEqual({ passed: 1, failed: 1, skipped: 0 });
  });

  it('reads lines split across chunks, a final line without newline, and CRLF', () => {
    const summary = count('ok 1 - a\r\nno', 't ok 2 - b\r\n1', '..2');
    expect(summary).toMatchObject({ sawTap: true, counts: { passed: 1, failed: 1, skipped: 0 }, planned: 2 });
  });

  it('counts tests the plan promised but never reported as failed', () => {
    expect(count('1..5\nok 1\nok 2\n').counts).toEqual({ passed: 2, failed: 3, skipped: 0 });
  });

  it('reports a bail-out with its reason', () => {
    expect(count('ok 1\nBail out! database down\n').bailout).toBe('database down');
  });

  it('says when there was no TAP at all, rather than inventing an empty plan', () => {
    expect(count('Compiling...\nerror: cannot find module\n')).toEqual({
      sawTap: false,
      counts: { passed: 0, failed: 0, skipped: 0 },
      planned: null,
      bailout: false,
    });
  });

  it('accepts a skip-all plan as TAP with zero tests', () => {
    expect(count('1..0 # SKIP no database\n')).toMatchObject({ sawTap: true, planned: 0 });
  });

  it('bounds memory on output without newlines', () => {
    const summary = count('x'.repeat(200_000), 'x'.repeat(200_000), '\nok 1\n');
    expect(summary).toMatchObject({ sawTap: true, counts: { passed: 1, failed: 0, skipped: 0 } });
  });
});
