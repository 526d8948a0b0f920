import type { CellRecord } from '../cell-record';
import type { RunManifest } from '../run-manifest';
import type { RunRecord } from '../run-record';
import type { Verdict } from '../verdict';

const fixedTime = '2026-01-01T00:00:00.000Z';

/** A verdict with one `correct` objective: 1 when resolved, 0 otherwise. */
export function buildVerdict(resolved: boolean, overrides: Partial<Verdict> = {}): Verdict {
  return {
    judge: { id: 'test-judge' },
    resolved,
    scores: { correct: { value: resolved ? 1 : 0, direction: 'maximize' } },
    judgedAt: fixedTime,
    ...overrides,
  };
}

/** A valid attempt record for tests; override any field. */
export function buildRunRecord(overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    kind: 'attempt',
    schemaVersion: 2,
    recordId: 'run-1/random/task-1/0/0',
    runId: 'run-1',
    armId: 'random',
    taskId: 'task-1',
    benchmark: 'dsl',
    split: 'train',
    replicate: 0,
    try: 0,
    attempt: 0,
    seed: '42/run-1/random/task-1/0',
    controller: { id: 'default', hash: 'c0ffee' },
    worker: { id: 'scripted-worker', version: '1', workUnit: 'search steps' },
    steer: null,
    checkpoint: null,
    trace: { summary: 'solved in 3 steps', events: 3, blob: null },
    output: { inline: 'answer' },
    checks: [{ name: 'visible-tests', passed: true, score: 1 }],
    verdict: buildVerdict(true),
    usage: { turns: 1, tokensIn: 120, tokensOut: 40, usd: null, wallMs: 15, workUnits: 3, costProvenance: 'unknown' },
    failure: null,
    infra: null,
    createdAt: fixedTime,
    configHash: 'cfg-1',
    ...overrides,
  };
}

/** A valid cell record for tests; override any field. */
export function buildCellRecord(overrides: Partial<CellRecord> = {}): CellRecord {
  return {
    kind: 'cell',
    schemaVersion: 2,
    cellId: 'run-1/random/task-1/0',
    runId: 'run-1',
    armId: 'random',
    taskId: 'task-1',
    benchmark: 'dsl',
    split: 'train',
    replicate: 0,
    try: 0,
    attemptIds: ['run-1/random/task-1/0/0'],
    finalAttemptId: 'run-1/random/task-1/0/0',
    finalOutput: { inline: 'answer' },
    chosenBy: 'checks',
    verdict: buildVerdict(true),
    oracle: null,
    spend: { turns: 1, tokensIn: 120, tokensOut: 40, usd: 0.002, wallMs: 15, workUnits: 3, costProvenance: 'measured' },
    attempts: 1,
    analystCalls: 0,
    status: 'ok',
    infra: null,
    createdAt: fixedTime,
    ...overrides,
  };
}

/** A valid run manifest for tests; override any field. */
export function buildManifest(overrides: Partial<RunManifest> = {}): RunManifest {
  return {
    kind: 'manifest',
    schemaVersion: 2,
    runId: 'run-1',
    benchmark: 'dsl',
    config: { replicates: 1 },
    configHash: 'cfg-1',
    arms: [
      { armId: 'random', strategy: 'random', k: 4, controller: { id: 'default', hash: 'c0ffee' } },
      { armId: 'refine', strategy: 'refine', k: 4, controller: { id: 'default', hash: 'c0ffee' } },
    ],
    primaryContrast: { name: 'steering', baseline: 'random', candidate: 'refine' },
    seed: '42',
    splits: ['train'],
    plannedCells: 2,
    environment: { id: 'dsl' },
    worker: { id: 'scripted-worker' },
    startedAt: fixedTime,
    endedAt: null,
    status: 'running',
    stopReason: null,
    ...overrides,
  };
}
