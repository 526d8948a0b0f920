import type { CellRecord } from '@ratchet/corpus';
import { buildCellRecord, buildManifest, buildVerdict } from '@ratchet/corpus/test';
import type { ArmSummary, RunSummary } from '@ratchet/runtime';
import type { HtmlReportInput } from './render-html-report';

/** An arm id and task id that would run script if any were written unescaped. */
export const hostileId = '<img onerror=alert(1)>';

const measured = {
  turns: 6,
  tokensIn: 720,
  tokensOut: 240,
  usd: 0.012,
  wallMs: 1500,
  workUnits: null,
  costProvenance: 'measured' as const,
};
const unmeasured = {
  turns: 6,
  tokensIn: null,
  tokensOut: null,
  usd: null,
  wallMs: 90,
  workUnits: null,
  costProvenance: 'unknown' as const,
};

function arm(overrides: Partial<ArmSummary> & Pick<ArmSummary, 'armId'>): ArmSummary {
  return {
    strategy: overrides.armId,
    k: 4,
    cells: 6,
    infraCells: 0,
    unjudgedCells: 0,
    resolved: 3,
    successRate: { estimate: 0.5, low: 0.188, high: 0.812 },
    oracleRate: 0.75,
    spend: measured,
    attempts: 8,
    failures: { attempts: 8, byReason: {}, sample: null },
    unresolvedReasons: { mismatch: 3 },
    unfinished: { attempts: 0, spend: null },
    analystCalls: 0,
    computeChecks: [],
    computeFlags: [],
    ...overrides,
  };
}

/**
 * A three-arm run whose third arm and one task carry `hostileId`. Attempts per cell: random 8/6,
 * refine 8/6 with higher success (dominates random), hostile 2/6 with the lowest success (on the front).
 * refine's cost is unmeasured, so the plane falls back to attempts.
 */
export function buildReportFixture(): HtmlReportInput {
  const manifest = buildManifest({
    runId: 'run-7',
    seed: 'seed-1234',
    arms: [
      { armId: 'random', strategy: 'random', k: 4, controller: { id: 'default', hash: 'c0ffee' } },
      { armId: 'refine', strategy: 'refine', k: 4, controller: { id: 'default', hash: 'c0ffee' } },
      { armId: hostileId, strategy: 'single', k: 1, controller: { id: 'default', hash: 'c0ffee' } },
    ],
    status: 'completed',
    endedAt: '2026-01-01T01:00:00.000Z',
  });
  const summary: RunSummary = {
    retryOf: null,
    runId: 'run-7',
    status: 'completed',
    stopReason: 'completed',
    stopDetail: null,
    cells: { planned: 18, recorded: 7 },
    control: 'random',
    workUnit: null,
    arms: [
      arm({ armId: 'random' }),
      arm({
        armId: 'refine',
        successRate: { estimate: 0.75, low: 0.45, high: 0.92 },
        oracleRate: 0.9,
        spend: unmeasured,
      }),
      arm({
        armId: hostileId,
        k: 1,
        successRate: { estimate: 0.25, low: 0.05, high: 0.6 },
        attempts: 2,
        analystCalls: 3,
        computeFlags: ["k = 1, not the control's 4: not an equal-compute comparison"],
      }),
    ],
    contrasts: [
      {
        name: 'steering',
        family: 'decomposition',
        primary: true,
        test: 'mcnemar-exact',
        baseline: 'random',
        candidate: 'refine',
        n: 3,
        estimate: 0.25,
        low: 0.05,
        high: 0.45,
        pValue: 0.012,
        qValue: 0.012,
        excluded: { infra: 0, unmeasured: 0, unpaired: 0 },
      },
      {
        name: `random − ${hostileId}`,
        family: 'exploratory',
        primary: false,
        test: 'mcnemar-exact',
        baseline: hostileId,
        candidate: 'random',
        n: 3,
        estimate: 0.25,
        low: -0.1,
        high: 0.5,
        pValue: 0.04,
        qValue: 0.08,
        excluded: { infra: 1, unmeasured: 0, unpaired: 0 },
      },
      {
        name: 'tiny',
        family: 'exploratory',
        primary: false,
        test: null,
        baseline: 'random',
        candidate: 'refine',
        n: 1,
        estimate: null,
        low: null,
        high: null,
        pValue: null,
        qValue: null,
        excluded: { infra: 0, unmeasured: 0, unpaired: 2 },
      },
    ],
  };
  const cell = (armId: string, taskId: string, replicate: number, overrides: Partial<CellRecord> = {}) =>
    buildCellRecord({
      runId: 'run-7',
      armId,
      taskId,
      replicate,
      cellId: `run-7/${armId}/${taskId}/${replicate}`,
      ...overrides,
    });
  const cells = [
    cell('random', 'task-1', 0),
    cell('random', 'task-1', 1, { verdict: buildVerdict(false) }),
    cell('refine', 'task-1', 0),
    cell('refine', 'task-1', 1),
    cell('refine', 'task-2', 0, { status: 'infra', verdict: null, infra: { error: 'timeout', retries: 2 } }),
    cell('refine', 'task-2', 1, { verdict: null }),
    cell(hostileId, hostileId, 0, { verdict: buildVerdict(false) }),
  ];
  return { manifest, summary, cells, generatedAt: '2026-01-02T00:00:00.000Z' };
}
