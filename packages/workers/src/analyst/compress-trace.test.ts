import type { TraceEvent } from '@ratchet/runtime';
import { describe, expect, it } from 'vitest';
import { compressTrace } from './compress-trace';
import { estimateTokens } from './estimate-tokens';

/** A long agent trace: 200 tool turns, with errors at events 101 and 151. */
function longTrace(): TraceEvent[] {
  const events: TraceEvent[] = [];
  for (let turn = 0; turn < 200; turn++) {
    const tool = turn % 3 === 0 ? 'read' : 'edit';
    if (turn === 50 || turn === 75) {
      events.push({ type: 'error', data: { turn, error: `permission denied on step ${turn}` } });
    } else {
      events.push({
        type: 'tool-call',
        atMs: turn * 10,
        data: { turn, toolName: tool, input: { path: `src/file-${turn}.ts` } },
      });
    }
    events.push({ type: 'tool-result', data: { turn, output: 'x'.repeat(60) } });
  }
  return events;
}

describe('compressTrace', () => {
  it('shows a trace that fits whole, and says so', () => {
    const events: TraceEvent[] = [
      { type: 'message', data: { text: 'hello' } },
      { type: 'output', atMs: 12, data: 'done' },
    ];
    const { text, note } = compressTrace(events, 1000);
    expect(text).toBe('#0 message {"text":"hello"}\n#1 output @12ms done');
    expect(note).toMatchObject({ compressed: false, totalEvents: 2, keptEvents: 2, budgetTokens: 1000 });
    expect(note.text).toMatch(/shown whole .*1000-token budget/);
  });

  it('keeps the head, the tail, the errors and a tool summary within the budget', () => {
    const events = longTrace();
    const { text, note } = compressTrace(events, 1500);

    expect(estimateTokens(text)).toBeLessThanOrEqual(1500);
    expect(note.compressed).toBe(true);
    expect(note.totalEvents).toBe(400);
    expect(note.head).toBeGreaterThan(5);
    expect(note.tail).toBeGreaterThan(5);
    expect(note.errors).toBe(2);
    expect(note.keptEvents).toBe(note.head + note.tail + note.errors);
    expect(text).toMatch(
      /^Summary: 400 events \(tool-call ×198, tool-result ×200, error ×2\); tool calls: read ×66, edit ×132\./,
    );
    expect(text).toContain('#0 tool-call @0ms');
    expect(text).toContain('#399 tool-result');
    expect(text).toContain('#100 error {"turn":50,"error":"permission denied on step 50"}');
    expect(text).toContain('#150 error');
    expect(text).toMatch(/… \d+ events left out …/);
    expect(note.text).toBe(
      `The trace has 400 events; to fit a budget of 1500 tokens (estimated as characters / 4) it was compressed to a summary of event types and tool calls, the first ${note.head} and last ${note.tail} events and 2 error events from between; ${400 - note.keptEvents} events left out.`,
    );
  });

  it('cuts one huge event instead of dropping everything else', () => {
    const events: TraceEvent[] = [
      { type: 'tool-result', data: { output: 'y'.repeat(50_000) } },
      { type: 'output', data: 'final' },
    ];
    const { text, note } = compressTrace(events, 1000);
    expect(note.truncatedEvents).toBe(1);
    expect(text).toContain('#1 output final');
    expect(estimateTokens(text)).toBeLessThanOrEqual(1000);
  });
});
