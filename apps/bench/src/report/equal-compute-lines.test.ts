import type { ArmSummary } from '@ratchet/runtime';
import { describe, expect, it } from 'vitest';
import { buildReportFixture } from './build-report-fixture';
import { equalComputeLines } from './equal-compute-lines';

const base = buildReportFixture().summary;

describe('equalComputeLines', () => {
  it('names what differs, what is within tolerance, and what was not measured — never an all-clear for it', () => {
    const refine: ArmSummary = {
      ...(base.arms[1] as ArmSummary),
      computeChecks: [
        { figure: 'attempts', status: 'within', change: 0 },
        { figure: 'workUnits', status: 'differs', change: -0.32 },
        { figure: 'usd', status: 'not-measured', change: null },
        { figure: 'tokens', status: 'not-measured', change: null },
        { figure: 'wallMs', status: 'within', change: 0.05 },
      ],
    };
    expect(
      equalComputeLines({ ...base, workUnit: 'search steps', arms: [base.arms[0] as ArmSummary, refine] }),
    ).toEqual([
      'refine: differs: work units (search steps) −32%; within tolerance: attempts, wall time; not measured: dollars, tokens',
    ]);
  });

  it('says an arm at another k is not an equal-compute comparison', () => {
    expect(equalComputeLines(base)).toContain(
      "<img onerror=alert(1)>: k = 1, not the control's 4: not an equal-compute comparison",
    );
  });
});
