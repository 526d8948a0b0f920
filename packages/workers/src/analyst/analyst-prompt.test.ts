import type { AttemptView, TraceEvent } from '@ratchet/runtime';
import { describe, expect, it } from 'vitest';
import { analystPrompt } from './analyst-prompt';
import { estimateTokens } from './estimate-tokens';

function view(index: number, events: TraceEvent[], output: string): AttemptView {
  return {
    attemptId: `a${index}`,
    index,
    steer: null,
    from: null,
    output,
    events,
    checks: [{ name: 'tests', passed: index > 0, score: null }],
    usage: {
      turns: 3,
      tokensIn: 100,
      tokensOut: 10,
      usd: 0.01,
      wallMs: 5,
      workUnits: null,
      costProvenance: 'estimated',
    },
    failure: null,
    continuable: false,
  };
}

describe('analystPrompt', () => {
  it('fits a long attempt into the budget, trace compressed', () => {
    const events: TraceEvent[] = Array.from({ length: 500 }, (_, turn) => ({
      type: 'tool-call',
      data: { turn, toolName: 'shell', input: { command: `grep -rn pattern${turn} src/` } },
    }));
    const attempt = view(1, events, 'z'.repeat(20_000));
    const { prompt, compression } = analystPrompt(attempt, [view(0, [], 'first try'), attempt], {
      budgetTokens: 2000,
      maxFindings: 4,
    });

    expect(estimateTokens(prompt)).toBeLessThanOrEqual(2000);
    expect(compression.compressed).toBe(true);
    expect(prompt).toContain(`Trace. ${compression.text}`);
    expect(prompt).toContain('- attempt 0: checks passed 0/1; output first try');
    expect(prompt).toMatch(/Output: z+… \(\+\d+ chars\)/);
    expect(prompt).toContain('Checks:\n- tests: passed');
  });
});
