import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CellRecord, type Corpus, openCorpus, type RunRecord } from '@ratchet/corpus';
import { buildCellRecord, buildManifest, buildRunRecord, buildVerdict } from '@ratchet/corpus/test';
import { createViewerApp } from '@ratchet/viewer';
import { collectGarbage } from './collect-garbage';
import { formatTable } from './format-table';

/**
 * The synthetic corpus, fixed before measuring: 100 completed runs of 2 arms × 1,000 tasks × 1
 * replicate, 4 attempts per cell: 200,000 cells and 800,000 attempts (1,000,000 records).
 */
const runs = 100;
const arms = ['random', 'refine'] as const;
const tasks = 1_000;
const attemptsPerCell = 4;
const repeats = 5;

const runIdOf = (r: number) => `dsl-${String(r).padStart(3, '0')}`;

function runRecords(r: number): Array<RunRecord | CellRecord> {
  const runId = runIdOf(r);
  const records: Array<RunRecord | CellRecord> = [];
  for (const armId of arms) {
    for (let t = 0; t < tasks; t++) {
      const taskId = `task-${String(t).padStart(4, '0')}`;
      const cellId = `${runId}/${armId}/${taskId}/0`;
      const solved = (t * 7 + r * 3 + (armId === 'refine' ? 2 : 0)) % 10 < 5;
      const attemptIds = Array.from({ length: attemptsPerCell }, (_, a) => `${cellId}/t0/a${a}`);
      attemptIds.forEach((recordId, a) => {
        records.push(
          buildRunRecord({
            recordId,
            runId,
            armId,
            taskId,
            attempt: a,
            steer:
              a === 0 ? null : { text: `attempt ${a}: the visible test on empty input still fails; check it first.` },
            trace: {
              summary: `attempt ${a}: 12 tool calls, 2 failing visible tests, stalled at depth 3`,
              events: 40,
              blob: null,
            },
            verdict: buildVerdict(solved && a === attemptsPerCell - 1),
            createdAt: new Date(Date.UTC(2026, 0, 1, 0, r, 0, t)).toISOString(),
          }),
        );
      });
      records.push(
        buildCellRecord({
          cellId,
          runId,
          armId,
          taskId,
          attemptIds,
          finalAttemptId: attemptIds.at(-1) ?? null,
          attempts: attemptsPerCell,
          verdict: buildVerdict(solved),
        }),
      );
    }
  }
  return records;
}

async function fill(corpus: Corpus, onProgress: (message: string) => void): Promise<void> {
  for (let r = 0; r < runs; r++) {
    await corpus.putManifest(
      buildManifest({
        runId: runIdOf(r),
        arms: arms.map((armId) => ({
          armId,
          strategy: armId,
          k: attemptsPerCell,
          controller: { id: 'default', hash: 'c0ffee' },
        })),
        plannedCells: arms.length * tasks,
        status: 'completed',
        stopReason: 'completed',
        startedAt: new Date(Date.UTC(2026, 0, 1, 0, r)).toISOString(),
        endedAt: new Date(Date.UTC(2026, 0, 1, 0, r, 30)).toISOString(),
      }),
    );
    const records = runRecords(r);
    for (let start = 0; start < records.length; start += 5000) await corpus.append(records.slice(start, start + 5000));
    // A collection per run: the section peaked at 0.76 GB resident without, 0.39 GB with (collect-garbage.ts).
    collectGarbage();
    onProgress(`viewer: ${((r + 1) * records.length).toLocaleString('en')} / 1,000,000 records written`);
  }
}

/** Median, min and max milliseconds of `repeats` calls after one warm-up; `path(i)` may vary per call. */
async function time(app: ReturnType<typeof createViewerApp>, path: (i: number) => string) {
  const ms: number[] = [];
  for (let i = 0; i <= repeats; i++) {
    const started = performance.now();
    const response = await app.request(path(i));
    const body = await response.text();
    if (response.status !== 200) throw new Error(`${path(i)} answered ${response.status}: ${body.slice(0, 200)}`);
    if (i > 0) ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)] as number, min: ms[0] as number, max: ms.at(-1) as number };
}

/** Times the viewer's API calls (in process, JSON included) over a 1,000,000-record SQLite corpus. */
export async function benchViewer(onProgress: (message: string) => void): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'ratchet-bench-viewer-'));
  try {
    const corpus = await openCorpus(`sqlite:${join(dir, 'corpus.db')}`);
    const fillStarted = performance.now();
    await fill(corpus, onProgress);
    const fillSeconds = (performance.now() - fillStarted) / 1000;
    const app = createViewerApp(corpus);
    const cell = (i: number) => encodeURIComponent(`${runIdOf(50)}/refine/task-${String(i * 97).padStart(4, '0')}/0`);
    const measures: Array<[string, Awaited<ReturnType<typeof time>>]> = [
      ['runs list, first page (50 runs, counts)', await time(app, () => '/api/runs')],
      ['runs list, page 2 filtered by status', await time(app, () => '/api/runs?status=completed&offset=50&limit=50')],
      [
        'primary contrast of a run (1,000 pairs), new run each call',
        await time(app, (i) => `/api/runs/${runIdOf(i)}/primary`),
      ],
      [
        'run page: summary, new run each call (2,000 cells, 8,000 attempts)',
        await time(app, (i) => `/api/runs/${runIdOf(10 + i)}`),
      ],
      ['run page: summary again (remembered)', await time(app, () => `/api/runs/${runIdOf(10)}`)],
      ['per-task grid, first page (50 tasks × 2 arms)', await time(app, () => `/api/runs/${runIdOf(50)}/grid`)],
      ['per-task grid, last page (offset 950)', await time(app, () => `/api/runs/${runIdOf(50)}/grid?offset=950`)],
      ['cell page (4 attempts), a different cell each call', await time(app, (i) => `/api/cells/${cell(i)}`)],
      [
        'compare two runs (2 arm pairs, 1,000 tasks, first 100 rows)',
        await time(app, (i) => `/api/compare/${runIdOf(20 + i)}/${runIdOf(30 + i)}`),
      ],
    ];
    const stats = await corpus.stats();
    await corpus.close();
    const megabytes = statSync(join(dir, 'corpus.db')).size / 2 ** 20;
    return [
      `Viewer API over a SQLite corpus of ${(stats.attempts + stats.cells).toLocaleString('en')} records (${stats.runs} runs, ${stats.cells.toLocaleString('en')} cells, ${stats.attempts.toLocaleString('en')} attempts; ${megabytes.toFixed(0)} MiB, filled in ${fillSeconds.toFixed(0)} s).`,
      `app.request() in process, JSON body read; median [min, max] of ${repeats} calls after one warm-up:`,
      formatTable(
        ['call', 'median', 'min – max'],
        measures.map(([name, t]) => [
          name,
          `${t.median.toFixed(1)} ms`,
          `${t.min.toFixed(1)} – ${t.max.toFixed(1)} ms`,
        ]),
      ),
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
