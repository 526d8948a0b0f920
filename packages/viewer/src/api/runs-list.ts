import type { Corpus, RunManifest } from '@ratchet/corpus';
import { z } from 'zod';
import { pageQuery } from './page-query';

/** `GET /api/runs` filters: benchmark, status, and a start date range (`YYYY-MM-DD` or ISO timestamps). */
export const runsQuerySchema = pageQuery(50).extend({
  benchmark: z.string().min(1).optional(),
  status: z.enum(['running', 'completed', 'interrupted', 'failed']).optional(),
  since: z.string().min(1).optional(),
  until: z.string().min(1).optional(),
});
export type RunsQuery = z.infer<typeof runsQuerySchema>;

/** One line of the runs list: what `ratchet runs` prints, with the cells' outcome counts. */
export interface RunRow {
  runId: string;
  benchmark: string;
  status: RunManifest['status'];
  stopReason: RunManifest['stopReason'];
  startedAt: string;
  endedAt: string | null;
  cells: { recorded: number; planned: number | null; infra: number; judged: number; resolved: number };
  arms: Array<{ armId: string; strategy: string; k: number }>;
  primaryContrast: RunManifest['primaryContrast'];
}

export interface RunsList {
  runs: RunRow[];
  offset: number;
  limit: number;
  /** Whether another page follows (one more run was asked for than shown). */
  hasMore: boolean;
}

/** A bare date means the whole day: `until=2026-01-02` includes that day. */
function bound(value: string | undefined, end: boolean): string | undefined {
  if (value === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  if (!end) return `${value}T00:00:00.000Z`;
  const next = new Date(`${value}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
}

/**
 * One page of runs, newest first, with their cell counts: two queries whatever the corpus size (the
 * manifests of the page, then the counts of those runs), never a read of every run or cell.
 */
export async function runsList(corpus: Corpus, query: RunsQuery): Promise<RunsList> {
  const since = bound(query.since, false);
  const until = bound(query.until, true);
  const manifests = await corpus.runs({
    newestFirst: true,
    offset: query.offset,
    limit: query.limit + 1,
    ...(query.benchmark === undefined ? {} : { benchmark: query.benchmark }),
    ...(query.status === undefined ? {} : { status: query.status }),
    ...(since === undefined ? {} : { since }),
    ...(until === undefined ? {} : { until }),
  });
  const shown = manifests.slice(0, query.limit);
  const counts = new Map((await corpus.runCellCounts(shown.map((run) => run.runId))).map((row) => [row.runId, row]));
  return {
    runs: shown.map((run) => {
      const count = counts.get(run.runId);
      return {
        runId: run.runId,
        benchmark: run.benchmark,
        status: run.status,
        stopReason: run.stopReason,
        startedAt: run.startedAt,
        endedAt: run.endedAt,
        cells: {
          recorded: count?.cells ?? 0,
          planned: run.plannedCells,
          infra: count?.infra ?? 0,
          judged: count?.judged ?? 0,
          resolved: count?.resolved ?? 0,
        },
        arms: run.arms.map((arm) => ({ armId: arm.armId, strategy: arm.strategy, k: arm.k })),
        primaryContrast: run.primaryContrast,
      };
    }),
    offset: query.offset,
    limit: query.limit,
    hasMore: manifests.length > query.limit,
  };
}
