import { type Corpus, openCorpus } from '@ratchet/corpus';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttemptView, CellPage } from './api/cell-page';
import type { ComparePage } from './api/compare-page';
import type { OptimizationPage, OptimizationsList } from './api/optimizations-page';
import type { RunGrid } from './api/run-grid';
import type { PrimaryContrast, RunPage } from './api/run-page';
import type { RunsList } from './api/runs-list';
import { createViewerApp } from './create-viewer-app';
import { fixture, writeViewerFixture } from './test/viewer-fixture';

let corpus: Corpus;
let app: ReturnType<typeof createViewerApp>;

beforeAll(async () => {
  corpus = await openCorpus('sqlite::memory:');
  await writeViewerFixture(corpus);
  app = createViewerApp(corpus, { appDir: '/nonexistent/viewer-app' });
});
afterAll(() => corpus.close());

async function get<T>(path: string, status = 200): Promise<T> {
  const response = await app.request(path);
  expect(response.status, `${path}: ${await response.clone().text()}`).toBe(status);
  return (await response.json()) as T;
}

describe('the viewer API', () => {
  it('lists runs newest first with their cell counts, filtered and paged', async () => {
    const list = await get<RunsList>('/api/runs');
    expect(list.runs.map((run) => run.runId)).toEqual([fixture.laterRunId, fixture.runId]);
    expect(list.runs[1]?.cells).toEqual({ recorded: 8, planned: 8, infra: 0, judged: 8, resolved: 5 });
    expect(list.hasMore).toBe(false);
    const paged = await get<RunsList>('/api/runs?limit=1');
    expect(paged.runs.map((run) => run.runId)).toEqual([fixture.laterRunId]);
    expect(paged.hasMore).toBe(true);
    expect((await get<RunsList>('/api/runs?until=2026-01-01')).runs.map((run) => run.runId)).toEqual([fixture.runId]);
    expect((await get<RunsList>('/api/runs?benchmark=sat')).runs).toEqual([]);
    expect((await get<RunsList>('/api/runs?status=running')).runs).toEqual([]);
    const bad = await get<{ error: string }>('/api/runs?limit=0', 400);
    expect(bad.error).toContain('limit');
  });

  it('measures the primary contrast as the run summary does', async () => {
    const primary = await get<PrimaryContrast>(`/api/runs/${fixture.runId}/primary`);
    const { summary } = await get<RunPage>(`/api/runs/${fixture.runId}`);
    const fromSummary = summary.contrasts.find((contrast) => contrast.primary);
    expect(primary).toMatchObject({ name: 'steering', baseline: 'random', candidate: 'refine' });
    expect(primary.measured.n).toBe(4);
    expect(primary.measured.estimate).toBe(fromSummary?.estimate);
    expect(primary.measured.low).toBe(fromSummary?.low);
  });

  it('gives a run page: manifest and summary; a missing run is a 404 naming it', async () => {
    const page = await get<RunPage>(`/api/runs/${fixture.runId}`);
    expect(page.manifest.arms.map((arm) => arm.armId)).toEqual(['random', 'refine']);
    expect(page.summary.cells).toEqual({ planned: 8, recorded: 8 });
    expect(page.summary.arms.map((arm) => arm.resolved)).toEqual([2, 3]);
    const missing = await get<{ error: string }>('/api/runs/nope', 404);
    expect(missing.error).toBe('there is no run "nope" in sqlite::memory:');
  });

  it('pages the per-task grid by task, every arm of each task on the same page', async () => {
    const first = await get<RunGrid>(`/api/runs/${fixture.runId}/grid?limit=3`);
    expect(first.arms).toEqual(['random', 'refine']);
    expect(first.taskIds).toEqual(['task-1', 'task-2', 'task-3']);
    expect(first.totalTasks).toBe(4);
    expect(first.cells).toHaveLength(6);
    const rich = first.cells.find((cell) => cell.cellId === fixture.cellId);
    expect(rich).toMatchObject({ armId: 'refine', resolved: true, attempts: 3, chosenBy: 'checks' });
    const second = await get<RunGrid>(`/api/runs/${fixture.runId}/grid?limit=3&offset=3`);
    expect(second.taskIds).toEqual(['task-4']);
    expect(second.cells.map((cell) => cell.armId)).toEqual(['random', 'refine']);
  });

  it('shows a cell’s attempts in order: steer and its origin, output, checks, stderr, the verdict apart', async () => {
    const page = await get<CellPage>(`/api/cells/${encodeURIComponent(fixture.cellId)}`);
    expect(page.cell.chosenBy).toBe('checks');
    expect(page.attempts.map((attempt) => attempt.attempt)).toEqual([0, 1, 2]);
    const [failed, blobbed, chosen] = page.attempts as [AttemptView, AttemptView, AttemptView];
    expect(failed.stderr).toEqual({ head: fixture.stderrHead, tail: fixture.stderrTail });
    expect(failed.steerOrigin).toMatch(/^the initial steer of controller default#c0ffee123456/);
    expect(chosen.steer?.text).toBe(fixture.steerText);
    expect(chosen.steerOrigin).toMatch(/through the firewall .*continuing from attempt record .*\/a1$/);
    expect(chosen).toMatchObject({ chosen: true, inCell: true, output: { inline: fixture.finalOutput } });
    expect(chosen.verdict?.resolved).toBe(true);
    expect(blobbed.trace.inline).toBeNull();
    expect(blobbed.trace.blob?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(failed.trace.inline?.map((event) => event.type)).toEqual(['message', 'log']);
    expect(page.hasMore).toBe(false);
    const one = await get<CellPage>(`/api/cells/${encodeURIComponent(fixture.cellId)}?limit=1&offset=1`);
    expect(one.attempts.map((attempt) => attempt.attempt)).toEqual([1]);
    expect(one.hasMore).toBe(true);
  });

  it('pages a large trace kept in a blob, and serves blobs as inert text', async () => {
    const page = await get<CellPage>(`/api/cells/${encodeURIComponent(fixture.cellId)}`);
    const sha = page.attempts[1]?.trace.blob?.sha256 as string;
    const events = await get<{ events: Array<{ type: string; atMs: number }>; total: number }>(
      `/api/blobs/${sha}/events?offset=100&limit=50`,
    );
    expect(events.total).toBe(fixture.blobEvents);
    expect(events.events).toHaveLength(50);
    expect(events.events[0]).toMatchObject({ type: 'tool-call', atMs: 1000 });
    const raw = await app.request(`/api/blobs/${sha}`);
    expect(raw.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(raw.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(JSON.parse(await raw.text())).toHaveLength(fixture.blobEvents);
    await get(`/api/blobs/${'0'.repeat(64)}/events`, 404);
  });

  it('compares two runs: config differences and the paired per-task table of each matched arm', async () => {
    const page = await get<ComparePage>(`/api/compare/${fixture.runId}/${fixture.laterRunId}`);
    expect(page.comparison.differences).toContain('worker.id: "scripted-worker" → "scripted-worker-2"');
    expect(page.tables.map((table) => table.name)).toEqual(['random', 'refine']);
    expect(page.tables[0]?.rows).toEqual([
      { taskId: 'task-1', baseline: 1, candidate: 0 },
      { taskId: 'task-2', baseline: 0, candidate: 1 },
      { taskId: 'task-3', baseline: 1, candidate: 0 },
      { taskId: 'task-4', baseline: 0, candidate: 1 },
    ]);
  });

  it('lists optimizations and shows one with its lineage, iterations and gate decisions', async () => {
    const list = await get<OptimizationsList>('/api/optimizations');
    expect(list.optimizations.map((optimization) => optimization.optimizationId)).toEqual(['opt-1']);
    const page = await get<OptimizationPage>('/api/optimizations/opt-1');
    expect(page.candidates.map((candidate) => [candidate.hash, candidate.parents])).toEqual([
      ['c0ffee', []],
      ['decade', ['c0ffee']],
    ]);
    expect(page.iterations.map((iteration) => iteration.outcome)).toEqual(['accepted']);
    expect(page.gates.map((gate) => [gate.promoted, gate.stoppedBy])).toEqual([
      [true, undefined],
      [true, 'evidence'],
    ]);
    // A fixed-n decision has no sequential stop; a sequential one has its stop and path read out.
    expect(page.gates[0]?.sequential).toBeNull();
    expect(page.gates[1]?.sequential).toEqual({
      itemsSpent: 8,
      maxItems: 40,
      itemsEvaluated: 10,
      stoppedBy: 'evidence',
      eValues: [1.5, 7 / 3, 3.75, 6.2, 10.5, 127 / 7, 31.875, 511 / 9],
      barrier: 39.99999999999996,
      plugInEValue: 15.1875,
      eProcess: 'discordant-mixture',
      runIds: ['gate-run-2', 'gate-run-2-batch-2'],
    });
    await get('/api/optimizations/opt-9', 404);
  });

  it('answers every other path with the app page, or says how to build it; unknown API paths are 404', async () => {
    const page = await app.request(`/runs/${fixture.runId}/cells/${encodeURIComponent(fixture.cellId)}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('npm run build');
    await get('/api/nothing-here', 404);
    expect((await app.request('/assets/..%2Fpackage.json')).status).toBe(404);
  });
});
