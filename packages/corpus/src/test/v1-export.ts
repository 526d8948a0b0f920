/**
 * Interchange lines of record schema 1, as `ratchet corpus export` wrote them before schema 2: a run
 * stopped by its spend cap (said only in `notes`), a cell finished on try 1 after try 0 was killed
 * (the try only in the attempt ids), no work units, no failure field.
 */
const runId = 'run-v1';
const cellId = `${runId}/random/task-1/0`;
const key = { runId, armId: 'random', taskId: 'task-1', benchmark: 'sat', split: 'train', replicate: 0 };
const verdict = {
  judge: { id: 'sat-judge' },
  resolved: true,
  scores: { correct: { value: 1, direction: 'maximize' } },
  judgedAt: '2025-12-01T00:00:03.000Z',
};

function v1Attempt(tryNumber: number, createdAt: string) {
  return {
    kind: 'attempt',
    schemaVersion: 1,
    recordId: `${cellId}/t${tryNumber}/a0`,
    ...key,
    attempt: 0,
    seed: `7/${cellId}/a0`,
    controller: { id: 'default', hash: 'c0ffee' },
    worker: { id: 'walksat', version: '1' },
    steer: null,
    checkpoint: null,
    trace: { summary: `try ${tryNumber}`, events: 2, blob: null },
    output: { inline: [1, -2, 3] },
    checks: [{ name: 'clauses-satisfied', passed: true, score: 1 }],
    verdict: tryNumber === 1 ? verdict : null,
    usage: { turns: 1, tokensIn: null, tokensOut: null, usd: null, wallMs: 40, costProvenance: 'unknown' },
    infra: null,
    createdAt,
    configHash: 'cfg-v1',
  };
}

/** The v1 cell of the fixture; `chosenBy: 'oracle'` makes one no schema 2 can hold. */
export function v1Cell(chosenBy: 'checks' | 'oracle' = 'checks') {
  return {
    kind: 'cell',
    schemaVersion: 1,
    cellId,
    ...key,
    attemptIds: [`${cellId}/t1/a0`],
    finalAttemptId: `${cellId}/t1/a0`,
    finalOutput: { inline: [1, -2, 3] },
    chosenBy,
    verdict,
    oracle: null,
    spend: { turns: 1, tokensIn: null, tokensOut: null, usd: null, wallMs: 40, costProvenance: 'unknown' },
    attempts: 1,
    analystCalls: 0,
    status: 'ok',
    infra: null,
    createdAt: '2025-12-01T00:00:04.000Z',
  };
}

export const v1Manifest = {
  kind: 'manifest',
  schemaVersion: 1,
  runId,
  benchmark: 'sat',
  config: { replicates: 1 },
  configHash: 'cfg-v1',
  arms: [{ armId: 'random', strategy: 'random', k: 1, controller: { id: 'default', hash: 'c0ffee' } }],
  primaryContrast: { name: 'steering', baseline: 'random', candidate: 'random' },
  seed: '7',
  splits: ['train'],
  environment: { id: 'sat' },
  worker: { id: 'walksat', version: '1' },
  startedAt: '2025-12-01T00:00:00.000Z',
  endedAt: '2025-12-01T00:00:05.000Z',
  status: 'interrupted',
  notes: 'stopReason=spend-cap',
};

export const v1Attempts = [v1Attempt(0, '2025-12-01T00:00:01.000Z'), v1Attempt(1, '2025-12-01T00:00:02.000Z')];

/** The whole v1 export: manifest, attempts, cell, one JSON object per line. */
export function v1ExportJsonl(chosenBy: 'checks' | 'oracle' = 'checks'): string {
  return `${[v1Manifest, ...v1Attempts, v1Cell(chosenBy)].map((line) => JSON.stringify(line)).join('\n')}\n`;
}
