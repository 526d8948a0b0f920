import type { CandidateRecord } from '../candidate-record';
import type { CellRecord } from '../cell-record';
import { type FlywheelRecord, flywheelRecordId } from '../flywheel-record';
import type { GateRecord } from '../gate-record';
import type { IterationRecord } from '../iteration-record';
import type { LibraryRecord } from '../library-record';
import type { OptimizationRecord } from '../optimization-record';
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

/** A valid optimization record for tests (a running search of `dsl`); override any field. */
export function buildOptimizationRecord(overrides: Partial<OptimizationRecord> = {}): OptimizationRecord {
  return {
    kind: 'optimization',
    schemaVersion: 2,
    optimizationId: 'opt-1',
    benchmark: 'dsl',
    config: { strategy: 'refine', k: 4, proposer: 'reflective' },
    configHash: 'opt-cfg-1',
    seed: '7',
    baseline: { id: 'default', hash: 'c0ffee' },
    objectives: [{ name: 'correct', direction: 'maximize' }],
    budget: { cells: 400, usd: null },
    startedAt: fixedTime,
    endedAt: null,
    status: 'running',
    stopReason: null,
    best: null,
    spend: { cells: 0, usd: null },
    ...overrides,
  };
}

/** A valid candidate record for tests (the baseline of `opt-1`); override any field. */
export function buildCandidateRecord(overrides: Partial<CandidateRecord> = {}): CandidateRecord {
  return {
    kind: 'candidate',
    schemaVersion: 2,
    recordId: 'opt-1/c0ffee',
    optimizationId: 'opt-1',
    hash: 'c0ffee',
    controllerId: 'default',
    parameters: { instructions: 'Read the failing test first.', maxSteps: 20 },
    parents: [],
    origin: 'baseline',
    proposer: 'baseline',
    changed: [],
    iteration: 0,
    createdAt: fixedTime,
    ...overrides,
  };
}

/** A valid iteration record for tests (iteration 1 of `opt-1`, an accepted proposal); override any field. */
export function buildIterationRecord(overrides: Partial<IterationRecord> = {}): IterationRecord {
  return {
    kind: 'iteration',
    schemaVersion: 2,
    recordId: 'opt-1/1',
    optimizationId: 'opt-1',
    iteration: 1,
    step: 'reflect',
    parents: ['c0ffee'],
    component: 'instructions',
    minibatch: ['task-1', 'task-2', 'task-3'],
    proposal: 'decade',
    outcome: 'accepted',
    reason: 'the child solved 3 of 3 minibatch tasks, the parent 1',
    acceptance: { rule: 'improves-sum', parent: [0, 1, 0], child: [1, 1, 1], pValue: null },
    valScore: 0.75,
    spend: { cells: 12, usd: null },
    proposer: { calls: 1, usd: null },
    total: { cells: 32, usd: null },
    best: { hash: 'decade', valScore: 0.75 },
    frontSize: 2,
    createdAt: fixedTime,
    ...overrides,
  };
}

/** A valid holdout-ledger entry for tests (`decade` promoted over `c0ffee` on `dsl`); override any field. */
export function buildGateRecord(overrides: Partial<GateRecord> = {}): GateRecord {
  return {
    kind: 'gate',
    schemaVersion: 2,
    recordId: 'gate/dsl/holdout-1/c0ffee',
    benchmark: 'dsl',
    holdoutKey: 'dsl:seed=7:holdout',
    holdoutDigest: 'a'.repeat(64),
    holdoutTasks: 40,
    incumbent: { id: 'default', hash: 'c0ffee' },
    candidate: { id: 'default', hash: 'decade' },
    optimizationId: 'opt-1',
    runId: 'gate-run-1',
    promoted: true,
    reason: 'promoted',
    decision: { lift: 0.15, ci: [0.05, 0.25], n: 40 },
    createdAt: fixedTime,
    ...overrides,
  };
}

/**
 * A valid library record for tests (`dsl-fragments` over `dsl-default`, learned from `run-1`); override
 * any field. `source.cellIds` points at a placeholder digest: a test that reads the blob stores the
 * JSON array with `putBlob` and overrides `source` with its ref.
 */
export function buildLibraryRecord(overrides: Partial<LibraryRecord> = {}): LibraryRecord {
  return {
    kind: 'library',
    schemaVersion: 2,
    recordId: 'library-0123456789abcdef',
    learner: 'dsl-fragments',
    controllerId: 'dsl-default',
    hash: 'feedface',
    parameters: { maxSteps: 20000, library: { fragments: ['(map inc (sort xs))'], priors: { map: 0.4 } } },
    settings: { minSupport: 2, maxFragments: 8 },
    source: {
      benchmarks: ['dsl'],
      runIds: ['run-1'],
      until: null,
      cells: 3,
      attempts: 5,
      tasks: 3,
      cellIds: { sha256: 'c'.repeat(64), bytes: 80, mediaType: 'application/json' },
    },
    summary: { fragments: [{ text: '(map inc (sort xs))', support: 3, saved: 4 }] },
    createdAt: fixedTime,
    ...overrides,
  };
}

/**
 * A valid flywheel decision for tests: generation 1 of `fly-1a2b3c4d5e6f` on `dsl`; override any field.
 * The record id follows `flywheelId` and `generation` unless `recordId` is given, and with
 * `generation: null` the decision is a verdict's.
 */
export function buildFlywheelRecord(overrides: Partial<FlywheelRecord> = {}): FlywheelRecord {
  const flywheelId = overrides.flywheelId ?? 'fly-1a2b3c4d5e6f';
  const generation = overrides.generation === undefined ? 1 : overrides.generation;
  const decision =
    generation === null
      ? {
          slope: { learned: { estimate: 0.04, low: 0.01, high: 0.07, q: 0.03 } },
          verdict: 'the flywheel turned',
        }
      : {
          learned: { hash: 'feedface', success: 0.6 },
          frozen: { hash: 'c0ffee', success: 0.5 },
          difference: { estimate: 0.1, low: 0.02, high: 0.18, p: 0.02 },
          libraryId: 'library-0123456789abcdef',
        };
  return {
    kind: 'flywheel',
    schemaVersion: 2,
    recordId: flywheelRecordId(flywheelId, generation),
    flywheelId,
    benchmark: 'dsl',
    generation,
    decision,
    createdAt: fixedTime,
    ...overrides,
  };
}
