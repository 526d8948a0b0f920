import { describe, expect, it } from 'vitest';
import { TraceCollector } from './trace-collector';

const toolCall = (name: string) => ({
  type: 'tool-call' as const,
  data: { id: name, name, input: { padding: 'x'.repeat(100) } },
});

describe('TraceCollector', () => {
  it('remembers the last event that says what the agent was doing, past the cap too', () => {
    const trace = new TraceCollector(200, performance.now());
    expect(trace.lastActivity()).toBeNull();
    trace.add([toolCall('Read'), { type: 'log', data: { text: 'noise' } }]);
    expect(trace.lastActivity()).toBe('running tool Read');
    trace.add([toolCall('Bash'), toolCall('Edit')]);
    expect(trace.events().filter((event) => event.type === 'tool-call')).toHaveLength(1);
    expect(trace.lastActivity()).toBe('running tool Edit');
  });
});
