import { describe, expect, it } from 'vitest';
import { readStream } from './command-test-helpers';
import { plainTextParser } from './plain-text-parser';
import { maxTextChars } from './text-block';

describe('plainTextParser', () => {
  it('makes all of stdout one message and the trimmed output', () => {
    const { events, summary } = readStream(plainTextParser(), ['', 'Done.', 'All tests pass.', '']);
    expect(events).toEqual([{ type: 'message', data: { role: 'assistant', text: '\nDone.\nAll tests pass.\n' } }]);
    expect(summary.output).toBe('Done.\nAll tests pass.');
  });

  it('reports no output for empty stdout', () => {
    expect(readStream(plainTextParser(), []).summary.output).toBeNull();
  });

  it('keeps at most maxTextChars characters and counts the rest', () => {
    const { events } = readStream(plainTextParser(), ['x'.repeat(maxTextChars - 10), 'y'.repeat(30)]);
    expect(events[0]?.data).toMatchObject({ droppedChars: 21 });
  });
});
