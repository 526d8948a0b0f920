import type { CellRecord, Corpus, RunRecord } from '@ratchet/corpus';
import {
  buildCandidateRecord,
  buildCellRecord,
  buildGateRecord,
  buildIterationRecord,
  buildManifest,
  buildOptimizationRecord,
  buildRunRecord,
  buildVerdict,
} from '@ratchet/corpus/test';

/** What the fixture's cell page must show, so tests assert the very strings the records hold. */
export const fixture = {
  runId: 'dsl-before',
  laterRunId: 'dsl-after',
  /** The refine cell of task-1: three attempts, a steer, a blob trace, a CLI failure with stderr. */
  cellId: 'dsl-before/refine/task-1/0',
  steerText: 'The output reverses the list; sort it ascending instead.',
  finalOutput: '[1, 2, 3]',
  stderrHead: 'Error: Cannot find module ./agent.js',
  stderrTail: 'agent exited: module not found (tail)',
  blobEvents: 400,
  tasks: ['task-1', 'task-2', 'task-3', 'task-4'],
} as const;

const arms = [
  { armId: 'random', strategy: 'random', k: 3, controller: { id: 'default', hash: 'c0ffee1234567890' } },
  { armId: 'refine', strategy: 'refine', k: 3, controller: { id: 'default', hash: 'c0ffee1234567890' } },
];

function time(run: number, second: number): string {
  return new Date(Date.UTC(2026, 0, 1 + run, 0, 0, second)).toISOString();
}

/** A long trace: more events than fit inline, so the record keeps head and tail and the whole goes to a blob. */
function longTrace(): unknown[] {
  return Array.from({ length: fixture.blobEvents }, (_, i) =>
    i % 2 === 0
      ? { type: 'tool-call', atMs: i * 10, data: { tool: 'run_tests', args: { file: `test-${i}.js` } } }
      : { type: 'tool-result', atMs: i * 10 + 5, data: { ok: i % 3 !== 0, text: `result of call ${i - 1}` } },
  );
}

/** The refine cell of task-1 in the first run: every part of the cell page has something to show. */
async function richCell(corpus: Corpus): Promise<Array<RunRecord | CellRecord>> {
  const base = { runId: fixture.runId, armId: 'refine', taskId: 'task-1' };
  const controller = { id: 'default', hash: 'c0ffee1234567890' };
  const id = (a: number) => `${fixture.cellId}/t0/a${a}`;
  const full = JSON.stringify(longTrace());
  const blob = await corpus.putBlob(full, 'application/json');
  const failed = buildRunRecord({
    ...base,
    controller,
    recordId: id(0),
    attempt: 0,
    steer: { text: 'Solve the task; print the list as JSON.' },
    trace: {
      summary: JSON.stringify([
        { type: 'message', data: 'starting the agent' },
        { type: 'log', data: { stream: 'stderr', text: fixture.stderrTail, droppedBytes: 0 } },
      ]),
      events: 2,
      blob: null,
    },
    output: null,
    checks: [{ name: 'visible-tests', passed: false, score: 0 }],
    failure: { reason: 'exit', message: 'the agent exited with code 1', stderr: fixture.stderrHead },
    verdict: buildVerdict(false),
    createdAt: time(0, 1),
  });
  const reversed = buildRunRecord({
    ...base,
    controller,
    recordId: id(1),
    attempt: 1,
    steer: { text: 'Solve the task; print the list as JSON.' },
    trace: { summary: `${full.slice(0, 200)} … ${full.slice(-200)}`, events: fixture.blobEvents, blob },
    output: { inline: '[3, 2, 1]' },
    checks: [{ name: 'visible-tests', passed: false, score: 0.5 }],
    verdict: buildVerdict(false),
    createdAt: time(0, 2),
  });
  const sorted = buildRunRecord({
    ...base,
    controller,
    recordId: id(2),
    attempt: 2,
    steer: { text: fixture.steerText, parameters: { focus: 'ordering' } },
    checkpoint: { fromRecordId: id(1) },
    output: { inline: fixture.finalOutput },
    checks: [{ name: 'visible-tests', passed: true, score: 1 }],
    verdict: buildVerdict(true),
    createdAt: time(0, 3),
  });
  const cell = buildCellRecord({
    ...base,
    cellId: fixture.cellId,
    attemptIds: [id(0), id(1), id(2)],
    finalAttemptId: id(2),
    finalOutput: { inline: fixture.finalOutput },
    chosenBy: 'checks',
    verdict: buildVerdict(true),
    oracle: { attemptId: id(2), verdict: buildVerdict(true) },
    attempts: 3,
    createdAt: time(0, 4),
  });
  return [failed, reversed, sorted, cell];
}

/** One plain cell with a single attempt; `solved` decides its verdict. */
function plainCell(runIndex: number, runId: string, armId: string, taskId: string, solved: boolean) {
  const cellId = `${runId}/${armId}/${taskId}/0`;
  const recordId = `${cellId}/t0/a0`;
  const attempt = buildRunRecord({
    recordId,
    runId,
    armId,
    taskId,
    output: { inline: solved ? 'ok' : 'wrong' },
    verdict: buildVerdict(solved),
    createdAt: time(runIndex, 10),
  });
  const cell = buildCellRecord({
    cellId,
    runId,
    armId,
    taskId,
    attemptIds: [recordId],
    finalAttemptId: recordId,
    verdict: buildVerdict(solved),
    createdAt: time(runIndex, 11),
  });
  return [attempt, cell];
}

/**
 * Two completed dsl runs of random@3 and refine@3 on four tasks, the second with a changed worker, and
 * an optimization with a baseline, one accepted proposal and two gate decisions (fixed-n, then sequential).
 */
export async function writeViewerFixture(corpus: Corpus): Promise<void> {
  for (const [index, runId] of [fixture.runId, fixture.laterRunId].entries()) {
    await corpus.putManifest(
      buildManifest({
        runId,
        arms,
        seed: `seed-${index}`,
        plannedCells: 8,
        status: 'completed',
        stopReason: 'completed',
        startedAt: time(index, 0),
        endedAt: time(index, 30),
        worker: { id: index === 0 ? 'scripted-worker' : 'scripted-worker-2' },
        config: { environment: { kind: 'dsl', count: 4 }, k: 3 },
      }),
    );
    const records: Array<RunRecord | CellRecord> = index === 0 ? await richCell(corpus) : [];
    for (const [t, taskId] of fixture.tasks.entries()) {
      for (const armId of ['random', 'refine']) {
        if (index === 0 && armId === 'refine' && taskId === 'task-1') continue;
        records.push(...plainCell(index, runId, armId, taskId, (t + (armId === 'refine' ? 1 : 0) + index) % 2 === 0));
      }
    }
    await corpus.append(records);
  }
  await corpus.putOptimization(buildOptimizationRecord({ status: 'completed', endedAt: time(2, 0) }));
  await corpus.appendOptimizerRecords([
    buildCandidateRecord(),
    buildCandidateRecord({
      recordId: 'opt-1/decade',
      hash: 'decade',
      parents: ['c0ffee'],
      origin: 'proposal',
      proposer: 'reflective',
      changed: ['instructions'],
      iteration: 1,
    }),
    buildIterationRecord(),
    buildGateRecord(),
    sequentialGate(),
  ]);
}

/**
 * A sequential gate on the next holdout: the candidate wins all of the first 11 items, so the
 * discordant-pair e-process (bets 0, ⅓, then ½) reaches 1/α = 40 at the 11th, 15 items evaluated in
 * three batches of 5. Its figures are what `decidePromotion` writes for those outcomes.
 */
function sequentialGate() {
  // The mixture e-value after k straight wins, (2^(k+1) − 1)/(k + 1): it first reaches 40 at the 8th.
  const eValues = [1.5, 7 / 3, 3.75, 6.2, 10.5, 127 / 7, 31.875, 511 / 9];
  return buildGateRecord({
    recordId: 'gate/dsl/holdout-2/c0ffee',
    holdoutKey: 'dsl:seed=7:holdout rotation 1',
    runId: 'gate-run-2',
    decision: {
      n: 8,
      test: 'e-process',
      sequential: {
        maxItems: 40,
        minEffect: 0.1,
        itemsSpent: 8,
        stoppedBy: 'evidence',
        eProcess: 'discordant-mixture',
        eValues,
        barrier: 39.99999999999996,
        plugInEValue: 15.1875,
      },
    },
    itemsSpent: 8,
    itemsEvaluated: 10,
    stoppedBy: 'evidence',
    runIds: ['gate-run-2', 'gate-run-2-batch-2'],
    createdAt: time(3, 0),
  });
}
