import { describe, expect, it } from 'vitest';
import { describeActivity } from './describe-activity';

describe('describeActivity', () => {
  it('says what each kind of trace event shows the agent doing', () => {
    expect(describeActivity({ type: 'tool-call', data: { id: '1', name: 'Bash', input: {} } })).toBe(
      'running tool Bash',
    );
    expect(describeActivity({ type: 'tool-call', data: { id: '1', input: {} } })).toBe('running tool unnamed');
    expect(describeActivity({ type: 'tool-result', data: { id: '1', output: 'ok', isError: false } })).toBe(
      'after the result of a tool call',
    );
    expect(describeActivity({ type: 'message', data: { role: 'assistant', text: 'Reading.' } })).toBe(
      'after writing a message',
    );
    expect(describeActivity({ type: 'search', data: { query: 'vitest' } })).toBe('searching the web');
    expect(describeActivity({ type: 'output', data: 'Done.' })).toBe('after reporting its result');
    expect(describeActivity({ type: 'error', data: { message: 'ENOENT: no such file\n    at open' } })).toBe(
      'after an error: ENOENT: no such file',
    );
  });

  it('finds nothing in a log event, and shortens long names', () => {
    expect(describeActivity({ type: 'log', data: { text: 'Warning' } })).toBeNull();
    expect(describeActivity({ type: 'tool-call', data: { name: 'x'.repeat(200) } })).toBe(
      `running tool ${'x'.repeat(120)}…`,
    );
  });
});
