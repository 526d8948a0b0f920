import { buildCellRecord, buildVerdict } from '@ratchet/corpus/test';
import { describe, expect, it } from 'vitest';
import { cellObjectives, HoldoutReadError, taskObjectives } from './objective-values';

const objectives = [
  { name: 'success', direction: 'maximize' },
  { name: 'workUnits', direction: 'minimize' },
  { name: 'attempts', direction: 'minimize' },
] as const;

describe('objective values', () => {
  it('reads success from the verdict and spend objectives from the cell', () => {
    const cell = buildCellRecord({ split: 'val' });
    const values = cellObjectives(cell, objectives);
    expect(values.success).toBe(cell.verdict?.resolved ? 1 : 0);
    expect(values.workUnits).toBe(cell.spend.workUnits);
    expect(values.attempts).toBe(cell.attempts);
  });

  it('gives an infra cell no outcome on any objective, never 0', () => {
    const cell = { ...buildCellRecord({ split: 'train' }), status: 'infra' as const };
    expect(cellObjectives(cell, objectives)).toEqual({ success: null, workUnits: null, attempts: null });
  });

  it('scores a failed strategy program 0 on a maximized judge score, never "not measured"', () => {
    const graded = [...objectives, { name: 'quality', direction: 'maximize' }] as const;
    const failed = buildCellRecord({
      split: 'val',
      strategyFailure: { error: 'the program ran past its CPU limit' },
      verdict: buildVerdict(false, { scores: {} }),
    });
    const values = cellObjectives(failed, graded);
    expect(values.success).toBe(0);
    expect(values.quality).toBe(0);
    expect(values.workUnits).toBe(failed.spend.workUnits);
    // Without the failure the same empty score is "not measured", as before.
    expect(cellObjectives({ ...failed, strategyFailure: null }, graded).quality).toBeNull();
  });

  it('refuses a holdout cell: only the gate reads holdout verdicts', () => {
    expect(() => cellObjectives(buildCellRecord({ split: 'holdout' }), objectives)).toThrow(HoldoutReadError);
  });

  it('averages replicates per objective, leaving out the ones that did not measure it', () => {
    const base = buildCellRecord({ split: 'train' });
    const pass = { ...base, verdict: buildVerdict(true), attempts: 2 };
    const fail = { ...base, verdict: buildVerdict(false), attempts: 4 };
    const infra = { ...base, status: 'infra' as const };
    const values = taskObjectives([pass, fail, infra], objectives);
    expect(values.success).toBe(0.5);
    expect(values.attempts).toBe(3);
  });
});
