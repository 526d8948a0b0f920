import type { GepaProgress } from '@ratchet/optimizer';
import { describe, expect, it } from 'vitest';
import { etaSeconds, formatEta, optimizeProgressLine, optimizeProgressPrinter } from './optimize-progress';

const progress = (overrides: Partial<GepaProgress> = {}): GepaProgress => ({
  iteration: 4,
  outcome: 'accepted',
  reason: 'accepted on the minibatch',
  best: { hash: '3f2a91c0d4e5b6a7', valScore: 0.65 },
  frontSize: 2,
  candidates: 3,
  spend: { cells: 96, usd: null },
  budget: { cells: 200 },
  ...overrides,
});

describe('optimizeProgressLine', () => {
  it('says the iteration, its outcome, the best val, the front, cells of the budget, dollars and the ETA', () => {
    // 96 cells in 48 s is 0.5 s a cell; 104 cells are left: 52 s.
    expect(optimizeProgressLine(progress(), { seconds: 48, cells: 96, iterations: 4 })).toBe(
      'iteration 4 · accepted · best val 0.650 (3f2a91c0) · front 2 · cells 96/200 · dollars not metered · ETA 52 s',
    );
  });

  it('shows dollars against a dollar cap and iterations against an iteration cap', () => {
    const line = optimizeProgressLine(
      progress({ spend: { cells: 30, usd: 0.0123 }, budget: { usd: 1, iterations: 10 } }),
      { seconds: 60, cells: 30, iterations: 4 },
    );
    // No cell cap: the ETA comes from the iteration rate, 15 s an iteration × 6 left.
    expect(line).toBe(
      'iteration 4/10 · accepted · best val 0.650 (3f2a91c0) · front 2 · cells 30 · $0.0123 of $1 · ETA 1 min 30 s',
    );
  });
});

describe('etaSeconds', () => {
  it('takes whichever cap comes first', () => {
    // Cells: 0.5 s × 104 = 52 s; iterations: 12 s × 1 = 12 s.
    expect(etaSeconds(progress(), { cells: 200, iterations: 5 }, { seconds: 48, cells: 96, iterations: 4 })).toBe(12);
  });

  it('is unknown before anything was timed, or with only a dollar cap', () => {
    expect(etaSeconds(progress(), { cells: 200 }, { seconds: 3, cells: 0, iterations: 0 })).toBeNull();
    expect(etaSeconds(progress(), { usd: 5 }, { seconds: 48, cells: 96, iterations: 4 })).toBeNull();
    expect(formatEta(null)).toBe('unknown');
  });
});

describe('optimizeProgressPrinter', () => {
  it('times a resumed search from its first iteration here, not from the cells spent before', () => {
    const lines: string[] = [];
    let clock = 0;
    const print = optimizeProgressPrinter({ write: (text: string) => lines.push(text) }, () => clock);
    clock = 5000;
    print(progress({ iteration: 7, spend: { cells: 150, usd: null } }));
    clock = 15_000;
    print(progress({ iteration: 8, spend: { cells: 170, usd: null } }));
    // First line: nothing timed yet. Second: 20 cells in 10 s, 30 cells left = 15 s.
    expect(lines.map((line) => line.split(' · ETA ')[1])).toEqual(['unknown\n', '15 s\n']);
  });
});
